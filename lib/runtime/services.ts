// What the runtime injects into node executors (ExecutorContext.services). Executors in
// lib/nodes/<type>/executor.ts narrow to this type; tests pass their own implementations.
// The runtime engineer implements `runs`; the executors engineer implements the rest.

export interface RunInfo {
  runId: string;
  workflowId: string;
  /** The version the run is pinned to; null for a test run of the draft. */
  version: number | null;
  /** How deep in a chain of subprocesses (0 for a top-level run). */
  depth: number;
  /** The user who started the top-level run, when a person did. */
  startedBy: string | null;
  /** Record an AI call on the run's metrics and as an `ai_call` event. */
  recordAiUsage(usage: AiUsage): void;
  /** Lines for the step's log (script console output, HTTP attempts). */
  log(line: string): void;
  /** Record one entry of an agent step's transcript (a model turn or a tool call) as an event. */
  recordAgentEntry(entry: AgentEntry): void;
  /** What the run's AI calls cost so far and the extra owners approved (lib/ai/budget/gate.ts). */
  spend(): { spentUsd: number; approvedUsd: number };
}

/**
 * One entry of an agent step's transcript, stored as an `agent_model` or `agent_tool` event.
 * Arguments and results are user values: the event log keeps them as JSON text (`input`, `output`).
 */
export type AgentEntry =
  | (AiUsage & {
      kind: "model";
      /** 1 for the first model call of the step. */
      turn: number;
      /** What the model said (its thought before tool calls, or its answer). */
      text: string;
      /** The tools it asked for in this turn, in order. */
      toolCalls: { callId: string; name: string }[];
      finishReason: string;
      /** "repair" for the call that asks again for valid JSON, "final" for the answer asked for at the tool-call limit. */
      purpose?: "repair" | "final";
    })
  | {
      kind: "tool";
      turn: number;
      callId: string;
      name: string;
      /** Where the tool comes from, for people: "HTTP GET api.example.com". */
      source: string;
      args: unknown;
      /** What the model was shown; absent when the call failed. */
      result?: unknown;
      /** Why the call failed (the model saw it as the result). */
      error?: string;
      durationMs: number;
      /** Extra facts for people (HTTP status, child run id). */
      meta?: Record<string, unknown>;
    };

export interface AiUsage {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** US dollars, from the pricing table in lib/ai/. */
  cost: number;
  durationMs: number;
}

export interface HumanTaskRequest {
  /** ExecutorContext.idempotencyKey: creating twice with it returns the same task. */
  idempotencyKey: string;
  runId: string;
  workflowId: string;
  nodeId: string;
  stepId: string;
  /** The human node's title on the canvas ("Manager approval"), shown as the task's step. */
  stepTitle?: string;
  title: string;
  description: string;
  assignee: string | null;
  candidateRoles: string[];
  candidateUsers: string[];
  priority: "low" | "medium" | "high" | "urgent";
  formFields: unknown[];
  contextData: unknown;
  dueAt: Date | null;
  escalation: unknown;
  /** A task that approves extra AI spend (lib/ai/budget/gate.ts): approve reruns the step, reject fails it. */
  spendApproval?: { amountUsd: number };
}

export interface ChildRunRequest {
  idempotencyKey: string;
  parentRunId: string;
  parentStepId: string;
  workflowId: string;
  input: unknown;
  depth: number;
}

export interface NotificationRequest {
  idempotencyKey: string;
  channel: "in_app" | "email";
  /** User ids, emails or role names ("role:approver"), as the node was configured. */
  recipients: string[];
  subject: string;
  body: string;
  link?: string;
}

export interface RuntimeServices {
  run: RunInfo;
  /**
   * The credential for this step: null when it does not exist, a refusal when the person the run
   * acts as (RunInfo.startedBy) may not use it.
   */
  credentials: { reveal(credentialId: string): Promise<{ name: string; type: string; secret: Record<string, string> } | { refused: true; message: string } | null> };
  /** Fills the secret-variable markers of a rendered HTTP header value (lib/variables/fill-secrets.ts). */
  secrets: { fill(text: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> };
  tasks: { createForStep(request: HumanTaskRequest): Promise<{ taskId: string }> };
  runs: {
    startChild(request: ChildRunRequest): Promise<{ runId: string }>;
    /**
     * Runs `wait` (the step blocking on another run's end, as an agent's workflow tool does) with
     * the step's worker slot lent out meanwhile, so that run can be taken up even when every slot
     * holds a waiting step. Absent outside a worker (step tests): the wait just runs.
     */
    whileWaiting?<T>(wait: () => Promise<T>): Promise<T>;
  };
  notifications: { send(request: NotificationRequest): Promise<{ delivered: number; failed: { to: string; error: string }[] }> };
}
