// Pauses the run, freeing the worker: for a fixed delay, or until a moment computed from the
// run's data (a JSONata expression giving an ISO date-time or epoch milliseconds).
import { z } from "zod";
import { isRecord, jsonataExpression, wholeNumber } from "../fields";
import { collectExpressions } from "../expression-paths";
import { nextHandle, inputHandle } from "../handles";
import type { NodeDefinition } from "../types";

const SECONDS_PER_YEAR = 31_536_000;

export const timerConfigSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("delay"), delaySeconds: wholeNumber("Delay", 1, SECONDS_PER_YEAR, " seconds") }),
    z.object({ mode: z.literal("until"), until: jsonataExpression("Wake-up time") }),
  ],
  { error: 'Timer mode must be "delay" or "until"' },
);

export type TimerConfig = z.infer<typeof timerConfigSchema>;

export const timerDefinition: NodeDefinition<typeof timerConfigSchema> = {
  notTestableAlone:
    "A timer step only waits: tested alone it would do nothing but wait. Test the steps after it, or pin an output here so test runs go straight on.",
  type: "timer",
  label: "Timer",
  description: "Waits for a delay, or until a date computed from the run's data.",
  icon: "Timer",
  category: "flow",
  color: "#64748b",
  configSchema: timerConfigSchema,
  defaults: () => ({ mode: "delay", delaySeconds: 60 }),
  inputs: [inputHandle],
  outputs: () => [nextHandle],
  // Only the active mode's expression counts: a stale "until" left beside a delay is ignored.
  expressions: (config) =>
    isRecord(config) && config.mode === "until" ? collectExpressions(config, [{ pattern: "until", kind: "jsonata" }]) : [],
};
