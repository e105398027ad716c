// Drives one run to its end the way people would, for the demo seeder and the roll-up test:
// a scripted approver completes each human task through completeTask (the inbox's own path)
// after a chosen wait, and timers are waited out. Waits are jumps of the run clock
// (lib/runtime/clock.ts), so a run that "took three hours" is recorded so by the engine itself.
import type { Actor } from "@/lib/auth/roles";
import { isTerminal, type RunStatus } from "@/lib/engine/state";
import { runClock, setRunClockTo } from "@/lib/runtime/clock";
import { readRun } from "@/lib/runtime/control";
import { completeTask } from "@/lib/tasks/complete";
import { HumanTask, OPEN_TASK_STATUSES, type HumanTaskDoc } from "@/models/HumanTask";
import { RunQueue } from "@/models/RunQueue";

export interface ScriptedApprover {
  /** Who answers the task (must be allowed to complete it). */
  actorFor(task: HumanTaskDoc): Actor;
  /** The answer: approve or reject, with form values that pass the task's form. */
  answer(task: HumanTaskDoc): { decision: "approve" | "reject"; values: Record<string, unknown> };
  /** How long the person takes, in ms of run time. */
  waitMs(task: HumanTaskDoc): number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function driveToEnd(runId: string, approver: ScriptedApprover, timeoutMs = 120_000): Promise<RunStatus> {
  const deadline = Date.now() + timeoutMs;
  const answered = new Set<string>();
  for (;;) {
    if (Date.now() > deadline) throw new Error(`run ${runId} did not end within ${timeoutMs} ms`);
    const run = await readRun(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    const { state } = run;
    if (isTerminal(state.status)) {
      // Finished once its queue entry is gone (history record and roll-up inbox written).
      if ((await RunQueue.countDocuments({ _id: runId })) === 0) return state.status;
    } else {
      for (const token of state.tokens.filter((t) => t.state === "waiting" && t.wait)) {
        if (token.wait!.reason === "human" && !answered.has(token.stepId)) {
          const task = await HumanTask.findOne({ executionId: runId, stepId: token.stepId, status: { $in: OPEN_TASK_STATUSES } }).lean<HumanTaskDoc>();
          if (!task) continue;
          answered.add(token.stepId);
          setRunClockTo(Math.max(runClock.now(), token.wait!.since) + approver.waitMs(task));
          const done = await completeTask(approver.actorFor(task), String(task._id), approver.answer(task));
          if (!done.ok) throw new Error(`the scripted approver could not complete task ${String(task._id)}: ${done.message}`);
        }
      }
      if (state.wakeAt !== undefined && runClock.now() < state.wakeAt) setRunClockTo(state.wakeAt + 1_000);
    }
    await sleep(25);
  }
}
