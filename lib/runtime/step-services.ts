// The services object handed to node executors (lib/runtime/services.ts), one per step. The
// runtime implements `run` and `runs`; credentials, human tasks and notifications come from
// their own modules through lib/runtime/providers.ts. A service that is not installed answers
// with a clear error, which fails the step instead of the worker.
import type { AgentEntry, AiUsage, ChildRunRequest, RunInfo, RuntimeServices } from "./services";

/** Optional extension of the tasks service: cancel the task of a step the run no longer waits for. */
export interface TaskCanceller {
  cancelForStep(request: { runId: string; stepId: string; attempt: number; reason: string }): Promise<void>;
}

export interface ServiceProviders {
  /** Reveals a credential to a step of a run acting as `startedBy`, if that person may use it. */
  credentials?: { revealFor(startedBy: string | null, credentialId: string): ReturnType<RuntimeServices["credentials"]["reveal"]> };
  /** Fills secret-variable markers for a step of the run. */
  secrets?: { fill(run: { runId: string; workflowId: string }, text: string): ReturnType<RuntimeServices["secrets"]["fill"]> };
  tasks?: RuntimeServices["tasks"] & Partial<TaskCanceller>;
  notifications?: RuntimeServices["notifications"];
}

function unavailable(what: string): () => Promise<never> {
  return () => Promise.reject(new Error(`${what} are not available: this server was built without them`));
}

export interface StepHooks {
  recordAiUsage(usage: AiUsage): void;
  log(line: string): void;
  recordAgentEntry(entry: AgentEntry): void;
  spend: RunInfo["spend"];
  startChild(request: ChildRunRequest): Promise<{ runId: string }>;
  whileWaiting?: RuntimeServices["runs"]["whileWaiting"];
}

export function servicesForStep(run: Omit<RunInfo, "recordAiUsage" | "log" | "recordAgentEntry" | "spend">, hooks: StepHooks, providers: ServiceProviders): RuntimeServices {
  return {
    run: { ...run, recordAiUsage: hooks.recordAiUsage, log: hooks.log, recordAgentEntry: hooks.recordAgentEntry, spend: hooks.spend },
    credentials: providers.credentials ? { reveal: (id) => providers.credentials!.revealFor(run.startedBy, id) } : { reveal: unavailable("Credentials") },
    secrets: providers.secrets ? { fill: (text) => providers.secrets!.fill(run, text) } : { fill: unavailable("Secret variables") },
    tasks: providers.tasks ?? { createForStep: unavailable("Human tasks") },
    runs: { startChild: hooks.startChild, ...(hooks.whileWaiting ? { whileWaiting: hooks.whileWaiting } : {}) },
    notifications: providers.notifications ?? { send: unavailable("Notifications") },
  };
}
