import "server-only";
// "Test this step" from the inspector (issue 13): the draft's config of one node, run alone on
// an input taken from the latest run's data at that node (the same source as the "try it"
// preview, incoming-data.ts) or typed as JSON. Needs "workflow:edit": testing may call the
// services the step calls (an HTTP API, an AI model), which is what editing a workflow is for.
// The runtime runs it (lib/runtime/step-test.ts) without creating a run.
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { executors } from "@/lib/nodes/executors";
import { serviceProviders } from "@/lib/runtime/providers";
import { newStepTestId, testOneStep, type StepTestOutcome } from "@/lib/runtime/step-test";
import { carryVariables } from "@/lib/variables/carry";
import { startingVariables } from "@/lib/variables/run-values";
import { graphIdSchema } from "@/lib/workflow/schema";
import type { Outcome } from "./contract";
import { latestIncomingData, type SampleScope } from "./incoming-data";
import { invalidInput } from "./refusals";
import { workflowIdSchema } from "./schema";
import { ARCHIVED, authorizedWorkflow, graphOf } from "./store";

/** Typed input is kept to what a person types; a bigger sample comes from a run. */
const MAX_TYPED_INPUT = 200_000;

export const stepTestSchema = z.object({
  id: workflowIdSchema,
  nodeId: graphIdSchema,
  input: z.discriminatedUnion(
    "source",
    [
      z.object({ source: z.literal("latest") }),
      z.object({ source: z.literal("json"), text: z.string({ error: "Type the input as JSON" }).max(MAX_TYPED_INPUT, { error: `The input must be at most ${MAX_TYPED_INPUT} characters` }) }),
    ],
    { error: "Choose the latest run's data or typed JSON as the input" },
  ),
});

export type StepTestInput = z.input<typeof stepTestSchema>;

export interface StepTestView extends StepTestOutcome {
  /** Where the input came from: a run's id, or null when it was typed. */
  inputFromRunId: string | null;
  input: unknown;
}

/** Parses typed JSON, saying where it breaks. */
export function parseTypedInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: false, message: "Type an input as JSON, e.g. {\"amount\": 42}" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `This is not valid JSON: ${(error as Error).message}` };
  }
}


export async function testStep(actor: Actor, raw: unknown): Promise<Outcome<{ result: StepTestView }>> {
  const parsed = stepTestSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, "Testing the step");
  const { id, nodeId, input } = parsed.data;
  const workflow = await authorizedWorkflow(actor, id, "workflow:edit", { graph: true });
  if (workflow.status === "archived") return { ok: false, message: ARCHIVED };
  const graph = graphOf(workflow);
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, message: `The step "${nodeId}" is not in the saved draft. Wait for the draft to save, then test again.` };
  const definition = getNodeDefinition(node.type);
  if (!definition) return { ok: false, message: `The step "${node.data.title}" has an unknown type "${node.type}", so it cannot run.` };
  if (definition.notTestableAlone) return { ok: false, message: definition.notTestableAlone };
  const config = definition.configSchema.safeParse(node.data.config);
  if (!config.success) {
    const issue = config.error.issues[0];
    return { ok: false, message: `Fix the step's settings before testing it: ${issue.message}${issue.path.length ? ` (at ${issue.path.join(".")})` : ""}.` };
  }

  const sourceIds = [...new Set(graph.edges.filter((e) => e.target === nodeId).map((e) => e.source))];
  const sample = await latestIncomingData(actor, id, nodeId, sourceIds);
  let value: unknown;
  if (input.source === "json") {
    const typed = parseTypedInput(input.text);
    if (!typed.ok) return { ok: false, message: typed.message, errors: { input: [typed.message] } };
    value = typed.value;
  } else if (sample) {
    value = sample.value;
  } else {
    return { ok: false, message: "No run has reached this step yet: run the workflow once, or type an input as JSON.", errors: { input: ["No run data yet"] } };
  }
  const testId = newStepTestId();
  // Typed input replaces only the step's own input: $input, $vars and $nodes still read the latest run when there is one.
  const seen: SampleScope = sample?.scope ?? { runInput: value, vars: {}, nodes: {}, run: { id: testId } };
  const vars = carryVariables(Object.entries(seen.vars).map(([name, value]) => ({ name, value })), await startingVariables(id, testId));
  const scope = { ...seen, vars: Object.fromEntries(vars.map((v) => [v.name, v.value])) };
  const outcome = await testOneStep({ workflowId: id, node, input: value, scope, startedBy: actor.id, testId }, executors, serviceProviders);
  const inputFromRunId = input.source === "latest" && sample ? sample.runId : null;
  return { ok: true, result: { ...outcome, inputFromRunId, input: value } };
}
