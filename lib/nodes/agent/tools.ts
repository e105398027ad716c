// The one place an agent step's tools are gathered: HTTP tools built here from the step's
// settings, published workflows through lib/workflows/as-tool.ts, MCP servers' tools through
// lib/ai/mcp/client.ts. Whatever happens, every opened MCP session is closed by the ToolSet's
// close(), which the executor calls when the step ends.
import "server-only";
import type { AgentTool, ToolSet } from "@/lib/ai/agent/tool";
import { connectMcpTools } from "@/lib/ai/mcp/client";
import { credentialHeaders } from "@/lib/credentials/apply";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import type { ExecutorContext, StepResult } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { workflowTools } from "@/lib/workflows/as-tool";
import type { AgentConfig } from "./definition";
import { httpTool } from "./http-tool";

type Ctx = ExecutorContext<Pick<RuntimeServices, "run" | "runs" | "credentials" | "secrets">>;

export type BuiltTools = { ok: true; set: ToolSet } | { ok: false; result: StepResult };

const fail = (message: string, code: string, path?: string): BuiltTools => ({ ok: false, result: { kind: "error", retryable: false, error: { message, code, path } } });

async function reveal(ctx: Ctx, credentialId: string | undefined, path: string): Promise<{ ok: true; credential: RevealedCredential | null } | { ok: false; built: BuiltTools }> {
  if (!credentialId) return { ok: true, credential: null };
  const credential = await ctx.services.credentials.reveal(credentialId);
  if (!credential) return { ok: false, built: fail("the chosen credential no longer exists; choose another in the step's settings", "credential_missing", path) };
  if ("refused" in credential) return { ok: false, built: fail(credential.message, "credential_forbidden", path) };
  return { ok: true, credential };
}

export async function buildTools(ctx: Ctx, config: AgentConfig): Promise<BuiltTools> {
  const tools: AgentTool[] = [];
  const sets: ToolSet[] = [];
  const closeAll = () => Promise.allSettled(sets.map((s) => s.close())).then(() => undefined);
  const failAndClose = async (built: BuiltTools) => {
    await closeAll();
    return built;
  };

  for (const [i, tool] of config.tools.entries()) {
    if (tool.kind !== "http") continue;
    const revealed = await reveal(ctx, tool.credentialId, `tools.${i}.credentialId`);
    if (!revealed.ok) return revealed.built;
    tools.push(httpTool(ctx, tool, i, revealed.credential));
  }

  const workflowIds = config.tools.flatMap((t) => (t.kind === "workflow" ? [t.workflowId] : []));
  if (workflowIds.length > 0) {
    try {
      tools.push(...(await workflowTools({ workflowIds, actor: ctx.services.run.startedBy, parentRunId: ctx.runId, signal: ctx.signal, whileWaiting: ctx.services.runs.whileWaiting })));
    } catch (error) {
      return fail(`the workflow tools could not be prepared: ${(error as Error).message}`, "workflow_tool");
    }
  }

  for (const [i, tool] of config.tools.entries()) {
    if (tool.kind !== "mcp") continue;
    const revealed = await reveal(ctx, tool.credentialId, `tools.${i}.credentialId`);
    if (!revealed.ok) return failAndClose(revealed.built);
    let headers: Record<string, string> | undefined;
    if (revealed.credential) {
      const applied = credentialHeaders(revealed.credential);
      if (!applied.ok) return failAndClose(fail(applied.message, "bad_credential", `tools.${i}.credentialId`));
      headers = Object.fromEntries(applied.headers.map((h) => [h.key, h.value]));
    }
    try {
      const set = await connectMcpTools({ name: tool.name, url: tool.url, transport: tool.transport, headers }, { signal: ctx.signal, only: tool.only?.length ? tool.only : undefined });
      sets.push(set);
      tools.push(...set.tools);
    } catch (error) {
      const message = (error as Error).message;
      // The client names the server; say it here too when it did not.
      return failAndClose(fail(message.includes(tool.name) ? message : `MCP server "${tool.name}": ${message}`, "mcp_unavailable", `tools.${i}`));
    }
  }

  const seen = new Map<string, AgentTool>();
  for (const tool of tools) {
    const other = seen.get(tool.name);
    if (other) return failAndClose(fail(`two tools are called "${tool.name}" (${other.source} and ${tool.source}); rename one or leave one out`, "duplicate_tool"));
    seen.set(tool.name, tool);
  }
  return { ok: true, set: { tools, close: closeAll } };
}
