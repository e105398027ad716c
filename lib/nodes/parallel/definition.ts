// Runs branches side by side: a split starts every outgoing edge, a join waits for all of its
// incoming branches. Both modes share the handle ids, so switching mode keeps the edges.
import { z } from "zod";
import { choice, configObject, isRecord } from "../fields";
import { inputHandle } from "../handles";
import type { NodeDefinition } from "../types";

export const parallelModes = ["split", "join"] as const;

export const parallelConfigSchema = configObject({ mode: choice("Mode", parallelModes) });

export type ParallelConfig = z.infer<typeof parallelConfigSchema>;

export const parallelDefinition: NodeDefinition<typeof parallelConfigSchema> = {
  type: "parallel",
  label: "Parallel",
  description: "Split: runs every outgoing branch at once. Join: waits until all incoming branches arrive.",
  icon: "GitFork",
  category: "flow",
  color: "#0891b2",
  configSchema: parallelConfigSchema,
  defaults: () => ({ mode: "split" }),
  inputs: [inputHandle],
  outputs: (config) => [
    { id: "out", label: isRecord(config) && config.mode === "join" ? "Next" : "Branches" },
  ],
};
