"use client";
// "Describe what should happen": a sentence (and optionally the model) → a drafted workflow,
// previewed with its problems and notes before it is opened. Shared by the workflows list's
// dialog and the empty canvas. Progress shows while the model works (it can take seconds), and
// refusals and model errors show in place.
import { useEffect, useId, useState, useTransition } from "react";
import { AlertTriangle, Loader2, Sparkles } from "lucide-react";
import { draftWorkflowAction } from "@/app/(app)/workflows/actions";
import { CredentialPicker } from "@/components/canvas/inspector/credential-picker";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { AI_PROVIDER_LABELS, type AiProviderId } from "@/lib/ai/labels";
import { KNOWN_MODELS, SUGGESTED_MODEL } from "@/lib/ai/models";
import type { DraftView } from "@/lib/ai/draft/service";
import { aiProviders } from "@/lib/nodes/ai/definition";

const EXAMPLES = [
  "When an expense over 1000 is submitted, a manager approves it and we notify the employee",
  "Every Monday at 9, fetch open tickets from our API, summarize them with AI and notify the team",
];

function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

export function DraftForm({ onOpen, opening, compact = false }: { onOpen: (draft: DraftView) => void; opening: boolean; compact?: boolean }) {
  const id = useId();
  const [prompt, setPrompt] = useState("");
  const [provider, setProvider] = useState<AiProviderId>("simulated");
  const [model, setModel] = useState("simulated");
  const [baseUrl, setBaseUrl] = useState("");
  const [credentialId, setCredentialId] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [pending, startTransition] = useTransition();
  const elapsed = useElapsed(pending);

  const submit = () =>
    startTransition(async () => {
      setMessage(null);
      setErrors({});
      setDraft(null);
      const result = await draftWorkflowAction({
        prompt,
        provider,
        model,
        ...(provider === "openai-compatible" ? { baseUrl } : {}),
        ...(provider !== "simulated" && credentialId ? { credentialId } : {}),
      });
      if (result.ok) setDraft(result);
      else {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });

  const errorCount = draft?.problems.filter((p) => p.severity === "error").length ?? 0;
  const warningCount = (draft?.problems.length ?? 0) - errorCount;
  return (
    <form
      data-testid="draft-form"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="space-y-1.5">
        <label htmlFor={`${id}-prompt`} className="block text-sm font-medium">Describe what should happen</label>
        <textarea
          id={`${id}-prompt`}
          data-testid="draft-prompt"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit();
          }}
          rows={compact ? 3 : 4}
          maxLength={2_000}
          placeholder={EXAMPLES[0]}
          aria-invalid={Boolean(errors.prompt)}
          aria-describedby={`${id}-hint`}
          className={inputClass}
        />
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          Mention approvals, API calls, AI steps, conditions and who to notify. Try: “{EXAMPLES[1]}”.
        </p>
      </div>
      <details className="text-sm" open={provider !== "simulated"}>
        <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Model: {AI_PROVIDER_LABELS[provider]} · {model}
        </summary>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className="space-y-1 text-xs font-medium">
            Provider
            <select
              data-testid="draft-provider"
              value={provider}
              onChange={(e) => {
                const next = e.target.value as AiProviderId;
                setProvider(next);
                setModel(SUGGESTED_MODEL[next]);
              }}
              className={inputClass}
            >
              {aiProviders.map((p) => (
                <option key={p} value={p}>{AI_PROVIDER_LABELS[p]}</option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-xs font-medium">
            Model
            <input data-testid="draft-model" list={`${id}-models`} value={model} onChange={(e) => setModel(e.target.value)} aria-invalid={Boolean(errors.model)} className={inputClass} />
            <datalist id={`${id}-models`}>
              {KNOWN_MODELS[provider].map((m) => <option key={m} value={m} />)}
            </datalist>
          </label>
          {provider === "openai-compatible" && (
            <label className="space-y-1 text-xs font-medium sm:col-span-2">
              Base URL
              <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="http://localhost:11434/v1" aria-invalid={Boolean(errors.baseUrl)} className={inputClass} />
            </label>
          )}
          {provider !== "simulated" && (
            <div className="space-y-1 text-xs font-medium sm:col-span-2">
              <label htmlFor={`${id}-credential`}>API key (credential)</label>
              <CredentialPicker id={`${id}-credential`} nodeType="ai" value={credentialId} readOnly={false} describedBy={`${id}-credential-hint`} onChange={setCredentialId} />
              <p id={`${id}-credential-hint`} className="font-normal text-zinc-500">
                Without one, OpenAI and Gemini use the server&apos;s OPENAI_API_KEY / GOOGLE_GENERATIVE_AI_API_KEY.
              </p>
            </div>
          )}
        </div>
      </details>
      {message && (
        <div role="alert" data-testid="draft-error" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-300">
          <p>{message}</p>
          {Object.entries(errors).map(([field, list]) => (list?.length ? <p key={field} className="mt-1 text-xs">{list.join(" ")}</p> : null))}
        </div>
      )}
      {pending && (
        <p role="status" data-testid="draft-progress" className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <Loader2 aria-hidden className="size-4 animate-spin" /> The model is drafting your workflow… {elapsed > 0 && `${elapsed} s`}
        </p>
      )}
      {draft && !pending && (
        <section data-testid="draft-preview" aria-label="The draft" className="space-y-2 rounded-md border border-violet-200 bg-violet-50/60 p-3 text-sm dark:border-violet-500/30 dark:bg-violet-500/10">
          <p className="font-medium">{draft.name}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {draft.nodes.length} steps: {draft.nodes.map((n) => n.data.title).join(" → ")}
          </p>
          <p className="text-xs" data-testid="draft-problem-count">
            {draft.problems.length === 0
              ? "It passes validation."
              : `${errorCount ? `${errorCount} ${errorCount === 1 ? "problem" : "problems"} to fix` : "No errors"}${warningCount ? `, ${warningCount} to review` : ""}: the canvas lists them.`}
          </p>
          {draft.notes.map((note) => (
            <p key={note} className="flex gap-1.5 text-xs text-amber-800 dark:text-amber-300">
              <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0" /> {note}
            </p>
          ))}
        </section>
      )}
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button type="submit" variant={draft ? "secondary" : "primary"} disabled={pending || opening} data-testid="draft-submit">
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Sparkles aria-hidden className="size-4" />}
          {draft ? "Draft again" : "Draft workflow"}
        </Button>
        {draft && !pending && (
          <Button data-testid="draft-open" disabled={opening} onClick={() => onOpen(draft)}>
            {opening && <Loader2 aria-hidden className="size-4 animate-spin" />} Open on canvas
          </Button>
        )}
      </div>
    </form>
  );
}
