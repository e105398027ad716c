// Why a sandboxed script failed, in words a workflow designer can act on.

export type SandboxFailureReason = "timeout" | "aborted" | "memory" | "stack" | "syntax" | "threw" | "output" | "crashed";

export interface SandboxFailure {
  reason: SandboxFailureReason;
  message: string;
  /** Line in the script, when QuickJS says where. */
  line?: number;
}

interface Limits {
  timedOut: boolean;
  aborted: boolean;
  timeLimitMs: number;
  memoryLimitMb: number;
}

const HOST_NAMES = /\b(process|require|module|exports|Buffer|global|__dirname|__filename|fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval|setImmediate|queueMicrotask|importScripts|Deno|Bun)\b/;

function lineOf(stack: unknown): number | undefined {
  const match = typeof stack === "string" ? /script\.js:(\d+)/.exec(stack) : null;
  return match ? Number(match[1]) : undefined;
}

/** Turns the error QuickJS threw (as dumped: { name, message, stack } or any thrown value) into a failure. */
export function describeFailure(thrown: unknown, limits: Limits): SandboxFailure {
  const error = typeof thrown === "object" && thrown !== null ? (thrown as { name?: unknown; message?: unknown; stack?: unknown }) : {};
  const name = typeof error.name === "string" ? error.name : "";
  const message = typeof error.message === "string" ? error.message : "";
  const line = lineOf(error.stack);
  const at = line !== undefined ? { line } : {};
  if (name === "InternalError" && message === "interrupted") {
    if (limits.aborted && !limits.timedOut) return { reason: "aborted", message: "the script was stopped: the step was cancelled or ran out of time" };
    return { reason: "timeout", message: `the script ran longer than its time limit of ${limits.timeLimitMs} ms (an endless loop?)`, ...at };
  }
  if (message === "out of memory" || (name === "RangeError" && /invalid array length|allocation/i.test(message))) {
    return { reason: "memory", message: `the script used more than its memory limit of ${limits.memoryLimitMb} MB`, ...at };
  }
  if (message === "stack overflow" || /call stack size/i.test(message)) {
    return { reason: "stack", message: "the script recursed too deeply (stack overflow)", ...at };
  }
  if (name === "SyntaxError") return { reason: "syntax", message: `the script has a syntax error${line ? ` on line ${line}` : ""}: ${message}`, ...at };
  if (name === "ReferenceError" && HOST_NAMES.test(message)) {
    return {
      reason: "threw",
      message: `${message}${line ? ` (line ${line})` : ""}: scripts run in a sandbox without Node.js or browser APIs (no process, require, fetch, timers or files); use \`input\` and return a value`,
      ...at,
    };
  }
  const shown = name || message ? `${name}${name && message ? ": " : ""}${message}` : `it threw ${JSON.stringify(thrown) ?? String(thrown)}`;
  return { reason: "threw", message: `the script failed${line ? ` on line ${line}` : ""}: ${shown}`, ...at };
}
