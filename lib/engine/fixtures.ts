// The JSON fixture workflows of the engine tests and the CPU benchmark, typed.
import bench20 from "./__fixtures__/bench-20.json";
import decision from "./__fixtures__/decision.json";
import humanApproval from "./__fixtures__/human-approval.json";
import integrations from "./__fixtures__/integrations.json";
import joinBypass from "./__fixtures__/join-bypass.json";
import linearSet from "./__fixtures__/linear-set.json";
import loop from "./__fixtures__/loop.json";
import parallelLoop from "./__fixtures__/parallel-loop.json";
import parallelNested from "./__fixtures__/parallel-nested.json";
import parallel from "./__fixtures__/parallel.json";
import retry from "./__fixtures__/retry.json";
import subprocess from "./__fixtures__/subprocess.json";
import timeouts from "./__fixtures__/timeouts.json";
import timerUntil from "./__fixtures__/timer-until.json";
import timer from "./__fixtures__/timer.json";
import type { RunVersion } from "./interpreter";

const all = {
  "bench-20": bench20,
  decision,
  "human-approval": humanApproval,
  integrations,
  "join-bypass": joinBypass,
  "linear-set": linearSet,
  loop,
  "parallel-loop": parallelLoop,
  "parallel-nested": parallelNested,
  parallel,
  retry,
  subprocess,
  timeouts,
  "timer-until": timerUntil,
  timer,
} satisfies Record<string, RunVersion & { description: string }>;

export type FixtureName = keyof typeof all;

export const fixtureNames = Object.keys(all) as FixtureName[];

/** A fresh copy, so a test that edits its workflow cannot affect another. */
export function fixture(name: FixtureName): RunVersion {
  return structuredClone(all[name]) as RunVersion;
}
