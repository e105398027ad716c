// Synthetic ended runs for the dashboard benchmarks: execution_histories-shaped records with a
// realistic mix of statuses, AI usage, approvals and failures, from a seeded generator so every
// run of a benchmark sees the same data.
import type { HistoryLike } from "../../lib/rollups/stats";

export const DAY_MS = 86_400_000;

const MODELS = [
  { provider: "openai", model: "gpt-4o-mini", in: 0.15, out: 0.6 },
  { provider: "openai", model: "gpt-4.1", in: 2, out: 8 },
  { provider: "google", model: "gemini-2.5-flash", in: 0.3, out: 2.5 },
];
const STEPS = ["fetch_order", "classify", "validate", "post_ledger", "notify"];

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The i-th synthetic run, ended within the 90 days before `now`. */
export function syntheticRun(i: number, workflowIds: readonly string[], rand: () => number, now: number): HistoryLike {
  const endedAt = new Date(now - rand() * 90 * DAY_MS);
  const r = rand();
  const status = r < 0.9 ? "completed" : r < 0.97 ? "failed" : "cancelled";
  const aiUsage = MODELS.filter(() => rand() < 0.5).map((m) => {
    const inputTokens = Math.round(200 + rand() * 3_000);
    const outputTokens = Math.round(50 + rand() * 800);
    return { provider: m.provider, model: m.model, calls: 1 + Math.floor(rand() * 3), inputTokens, outputTokens, cost: Math.round(((inputTokens * m.in + outputTokens * m.out) / 1e6) * 1e6) / 1e6 };
  });
  const humans = rand() < 0.3 ? [{ waitedMs: Math.round(Math.exp(11 + rand() * 7)), slaMs: 24 * 3_600_000 }] : [];
  const step = STEPS[Math.floor(rand() * STEPS.length)];
  return {
    _id: (0x6500000000000000n + BigInt(i)).toString(16).padStart(24, "0"),
    workflowId: workflowIds[Math.floor(rand() * workflowIds.length)],
    status,
    endedAt,
    duration: Math.round(Math.exp(5 + rand() * 9)) + humans.reduce((s, h) => s + h.waitedMs, 0),
    nodeMetrics: humans.length ? [{ nodeId: "approve", type: "human", runs: 1 }] : [],
    aiUsage,
    humanInteractions: humans,
    error: status === "failed" ? { message: `${step} failed: upstream answered 503 (attempt ${1 + (i % 3)})`, nodeId: step } : null,
    trigger: { type: "manual" },
  };
}
