// The language model of a step (AI or agent) from its settings: the credential revealed for the
// run's starter and turned into the key or header the provider takes, then the AI SDK model.
import "server-only";
import type { ExecutorContext, StepResult } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { credentialApiKey } from "@/lib/credentials/apply";
import { AI_PROVIDER_SHORT } from "@/lib/ai/labels";
import { resolveModel, type ResolvedModel } from "@/lib/ai/providers";
import type { AiProviderId } from "@/lib/ai/labels";

type Ctx = Pick<ExecutorContext<Pick<RuntimeServices, "credentials">>, "services">;

export interface StepModelConfig {
  provider: AiProviderId;
  model: string;
  baseUrl?: string;
  credentialId?: string;
}

export const refuse = (message: string, code: string, path?: string): StepResult => ({ kind: "error", retryable: false, error: { message, code, path } });

/** The key or header the provider needs, from the step's credential. */
async function authFor(ctx: Ctx, config: StepModelConfig) {
  if (!config.credentialId) return { ok: true as const };
  const credential = await ctx.services.credentials.reveal(config.credentialId);
  if (!credential) return { ok: false as const, result: refuse("the chosen credential no longer exists; choose another in the step's settings", "credential_missing", "credentialId") };
  if ("refused" in credential) return { ok: false as const, result: refuse(credential.message, "credential_forbidden", "credentialId") };
  if (credential.type === "header" && credential.secret.headerName && credential.secret.value) {
    return { ok: true as const, headers: { [credential.secret.headerName]: credential.secret.value } };
  }
  const key = credentialApiKey(credential);
  if (!key.ok) return { ok: false as const, result: refuse(key.message, "bad_credential", "credentialId") };
  return { ok: true as const, apiKey: key.apiKey };
}

/** The model and how messages name it ("OpenAI (model \"gpt-4o\")"), or the step's failure. */
export async function stepModel(ctx: Ctx, config: StepModelConfig): Promise<{ ok: true; resolved: ResolvedModel; where: string } | { ok: false; result: StepResult }> {
  const auth = await authFor(ctx, config);
  if (!auth.ok) return auth;
  try {
    const resolved = resolveModel({ provider: config.provider, model: config.model, baseUrl: config.baseUrl, apiKey: auth.apiKey, headers: auth.headers });
    return { ok: true, resolved, where: `${AI_PROVIDER_SHORT[config.provider] ?? config.provider} (model "${config.model}")` };
  } catch (error) {
    return { ok: false, result: refuse(`the AI provider cannot be set up: ${(error as Error).message}`, "bad_provider", "provider") };
  }
}
