// User JavaScript, run only inside the QuickJS sandbox with the time and memory limits below.
import { z } from "zod";
import { configObject, requiredText, wholeNumber } from "../fields";
import { errorHandle, nextHandle, inputHandle } from "../handles";
import type { NodeDefinition } from "../types";

export const scriptConfigSchema = configObject({
  /** The body of a function: `input` holds the step's input and `return` gives its output. */
  source: requiredText("Script", 100_000),
  timeLimitMs: wholeNumber("Time limit", 10, 60_000, " ms"),
  memoryLimitMb: wholeNumber("Memory limit", 1, 256, " MB"),
  /** Overrides the workflow's maxRetries for this node when set. */
  retries: wholeNumber("Retries", 0, 10).optional(),
});

export type ScriptConfig = z.infer<typeof scriptConfigSchema>;

export const scriptDefinition: NodeDefinition<typeof scriptConfigSchema> = {
  type: "script",
  label: "Script",
  description: "Runs JavaScript in a sandbox with time and memory limits. Takes the error output when it throws.",
  icon: "Code",
  category: "logic",
  color: "#4f46e5",
  configSchema: scriptConfigSchema,
  defaults: () => ({
    source: "// `input` holds this step's input; what you return becomes its output.\nreturn input;\n",
    timeLimitMs: 1_000,
    memoryLimitMb: 32,
  }),
  inputs: [inputHandle],
  outputs: () => [nextHandle, errorHandle],
};
