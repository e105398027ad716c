// Retry policy: how many attempts a node gets and how long to wait between them.
// Exponential backoff without jitter, so a run's schedule is deterministic; the runtime may
// spread wake-ups of many runs itself. Attempt n (n ≥ 1) failing waits
// RETRY_BASE_DELAY_MS · 2^(n−1), capped at RETRY_MAX_DELAY_MS: 1 s, 2 s, 4 s, 8 s…
import type { CompiledNode } from "./compiled-graph";
import type { RunLimits } from "./state";

export const RETRY_BASE_DELAY_MS = 1_000;
export const RETRY_MAX_DELAY_MS = 5 * 60_000;

/** The delay after the given attempt failed. */
export function retryDelayMs(failedAttempt: number): number {
  const exponent = Math.max(0, Math.min(failedAttempt - 1, 30));
  return Math.min(RETRY_BASE_DELAY_MS * 2 ** exponent, RETRY_MAX_DELAY_MS);
}

/** Retries allowed for a node: its own `retries` config when set, else the workflow's maxRetries. */
export function retriesFor(node: CompiledNode, limits: RunLimits): number {
  return node.retries ?? limits.maxRetries;
}

/**
 * When a failed attempt runs again, or undefined when it does not. retryAfterMs (an HTTP
 * Retry-After) lengthens the wait, up to RETRY_MAX_DELAY_MS.
 */
export function nextRetryAt(
  node: CompiledNode,
  limits: RunLimits,
  failedAttempt: number,
  retryable: boolean,
  now: number,
  retryAfterMs = 0,
): number | undefined {
  if (!retryable || failedAttempt > retriesFor(node, limits)) return undefined;
  const hint = Number.isFinite(retryAfterMs) ? Math.min(Math.max(retryAfterMs, 0), RETRY_MAX_DELAY_MS) : 0;
  return now + Math.max(retryDelayMs(failedAttempt), hint);
}
