// The services a step of a session's run gets (lib/runtime/step-services.ts builds them from
// these hooks): its log lines, the run's AI spend and usage, agent transcript entries, child
// runs, and lending the worker slot while it waits on another run. Everything a step records
// goes into the session's book and events, to be persisted with its next checkpoint.
import type { Step } from "@/lib/engine/interpreter";
import { agentEvent } from "./agent-events";
import { recordAiUsage, type StepExtras } from "./book";
import { startChildRun } from "./children";
import { runClock } from "./clock";
import type { RuntimeServices } from "./services";
import type { RunSession } from "./session";
import { servicesForStep } from "./step-services";

export function sessionServices(session: RunSession, step: Step, extras: StepExtras): RuntimeServices {
  const { meta, deps } = session;
  const at = () => ({ at: runClock.now(), nodeId: step.nodeId, stepId: step.stepId, attempt: step.attempt });
  return servicesForStep(
    { runId: session.runId, workflowId: meta.workflowId, version: meta.version, depth: meta.depth, startedBy: meta.trigger.by },
    {
      log: (line) => void extras.logs?.push(line),
      spend: () => ({ spentUsd: session.book.metrics.cost, approvedUsd: session.book.metrics.approvedExtraUsd ?? 0 }),
      recordAiUsage: (usage) => {
        recordAiUsage(session.book, usage, step.nodeId);
        const { provider, model, inputTokens, outputTokens, cost, durationMs } = usage;
        session.addEvents([{ type: "ai_call", ...at(), provider, model, inputTokens, outputTokens, cost, durationMs }]);
      },
      recordAgentEntry: (entry) => session.addEvents([agentEvent(entry, at())]),
      startChild: (request) => startChildRun({ runId: session.runId, depth: meta.depth, startedBy: meta.trigger.by }, request),
      whileWaiting: async (wait) => {
        const giveBack = deps.lendSlot?.() ?? (() => {});
        try {
          return await wait();
        } finally {
          giveBack();
        }
      },
    },
    deps.providers,
  );
}
