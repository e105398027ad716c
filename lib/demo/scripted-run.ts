// Drives runs to their end the way people would, for the demo seeder and the roll-up test: a
// scripted approver completes each human task through completeTask (the inbox's own path) after
// a chosen wait, and timers are waited out. Waits are jumps of the run clock
// (lib/runtime/clock.ts), taken only while every run of the group is idle (ended, or waiting
// for a person or a timer), earliest first: a discrete-event simulation in which each run's
// recorded durations are what the engine measured plus the waits it really had.
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

interface Planned {
  at: number;
  task: HumanTaskDoc;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A run to start at a point of run time; returns the new run's id. */
export interface ScheduledStart {
  at: number;
  start: () => Promise<string>;
}

/**
 * Starts runs at their times and drives them all to their ends, as one timeline: each start,
 * answer and timer happens in time order, when every started run is idle. Returns the statuses
 * in the order of `starts`.
 */
export async function simulate(starts: readonly ScheduledStart[], approver: ScriptedApprover, options: { timeoutMs?: number; onEnd?: (ended: number) => void } = {}): Promise<RunStatus[]> {
  const queue = [...starts].sort((a, b) => a.at - b.at);
  const order = new Map(starts.map((s, i) => [s, i]));
  const runIds: string[] = new Array(starts.length);
  // The timeline begins at the first start (in the past); from there the clock only moves on.
  if (queue.length > 0) setRunClockTo(queue[0].at);
  return driveLoop(runIds, approver, options.timeoutMs ?? 600_000, async () => {
    const next = queue[0];
    if (!next) return null;
    return {
      at: next.at,
      run: async () => {
        queue.shift();
        if (runClock.now() < next.at) setRunClockTo(next.at);
        runIds[order.get(next)!] = await next.start();
      },
    };
  }, options.onEnd);
}

export async function driveAll(runIds: readonly string[], approver: ScriptedApprover, timeoutMs = 300_000): Promise<RunStatus[]> {
  return driveLoop([...runIds], approver, timeoutMs, async () => null);
}

type NextStart = () => Promise<{ at: number; run: () => Promise<void> } | null>;

async function driveLoop(runIds: string[], approver: ScriptedApprover, timeoutMs: number, nextStart: NextStart, onEnd?: (ended: number) => void): Promise<RunStatus[]> {
  const deadline = Date.now() + timeoutMs;
  const done = new Map<string, RunStatus>();
  const planned = new Map<string, Planned>();
  const answered = new Set<string>();
  for (;;) {
    if (Date.now() > deadline) throw new Error(`runs ${runIds.filter((id) => !done.has(id)).join(", ")} did not end within ${timeoutMs} ms`);
    let busy = false;
    const actions: { at: number; key?: string }[] = [];
    for (const runId of runIds.filter((id) => id !== undefined && !done.has(id))) {
      const run = await readRun(runId);
      if (!run) throw new Error(`run ${runId} does not exist`);
      const { state } = run;
      if (isTerminal(state.status)) {
        // Finished once its queue entry is gone (history record and roll-up inbox written).
        if ((await RunQueue.countDocuments({ _id: runId })) === 0) {
          done.set(runId, state.status);
          onEnd?.(done.size);
        } else busy = true;
        continue;
      }
      if (state.tokens.length === 0 || state.tokens.some((t) => t.state !== "waiting" || !t.wait)) {
        busy = true;
        continue;
      }
      for (const token of state.tokens) {
        const key = `${runId}:${token.stepId}:${token.attempt}`;
        if (token.wait!.reason === "human") {
          if (answered.has(key)) {
            busy = true; // answered; the run has not taken the answer yet
            continue;
          }
          if (!planned.has(key)) {
            const task = await HumanTask.findOne({ executionId: runId, stepId: token.stepId, status: { $in: OPEN_TASK_STATUSES } }).lean<HumanTaskDoc>();
            if (!task) {
              busy = true;
              continue;
            }
            planned.set(key, { at: token.wait!.since + approver.waitMs(task), task });
          }
          actions.push({ at: planned.get(key)!.at, key });
        } else {
          const at = token.wait!.until ?? state.wakeAt;
          if (at === undefined) throw new Error(`run ${runId} waits for "${token.wait!.reason}", which a scripted run cannot answer`);
          if (at <= runClock.now()) busy = true; // due: the engine is about to move it
          else actions.push({ at });
        }
      }
    }
    const start = busy ? null : await nextStart();
    if (!start && done.size === runIds.length && runIds.every((id) => id !== undefined)) return runIds.map((id) => done.get(id)!);
    if (start && (actions.length === 0 || start.at <= Math.min(...actions.map((a) => a.at)))) {
      await start.run();
    } else if (!busy && actions.length > 0) {
      const next = actions.reduce((a, b) => (b.at < a.at ? b : a));
      if (runClock.now() < next.at) setRunClockTo(next.at + (next.key ? 0 : 1_000));
      if (next.key) {
        const { task } = planned.get(next.key)!;
        answered.add(next.key);
        const result = await completeTask(approver.actorFor(task), String(task._id), approver.answer(task));
        if (!result.ok) throw new Error(`the scripted approver could not complete task ${String(task._id)}: ${result.message}`);
      }
    }
    await sleep(25);
  }
}

export async function driveToEnd(runId: string, approver: ScriptedApprover, timeoutMs?: number): Promise<RunStatus> {
  return (await driveAll([runId], approver, timeoutMs))[0];
}
