// The in-process event bus: persisted events, "a run has news" nudges and "there is work"
// signals, so a follower or a worker in the same process reacts at once instead of waiting for
// its next poll. Kept on globalThis: Next.js bundles instrumentation (where the worker starts)
// and the routes separately, and both must share one bus. Other processes find out by polling.
import { EventEmitter } from "node:events";
import type { StoredEvent } from "./event-records";

interface Bus {
  emitter: EventEmitter;
}

const holder = globalThis as unknown as { __switchyardRunBus?: Bus };

function bus(): Bus {
  if (!holder.__switchyardRunBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    holder.__switchyardRunBus = { emitter };
  }
  return holder.__switchyardRunBus;
}

/** Events of a run that were just written to event_logs, in seq order. */
export function publishEvents(runId: string, events: readonly StoredEvent[]): void {
  if (events.length > 0) bus().emitter.emit(`events:${runId}`, events);
}

export function onEvents(runId: string, listener: (events: readonly StoredEvent[]) => void): () => void {
  const name = `events:${runId}`;
  bus().emitter.on(name, listener);
  return () => bus().emitter.off(name, listener);
}

/** A message (answer, cancel) was posted for the run: whoever works on it should look. */
export function nudgeRun(runId: string): void {
  bus().emitter.emit(`nudge:${runId}`);
  bus().emitter.emit("work", runId);
}

export function onNudge(runId: string, listener: () => void): () => void {
  const name = `nudge:${runId}`;
  bus().emitter.on(name, listener);
  return () => bus().emitter.off(name, listener);
}

/** Something became runnable: idle workers in this process should claim now. */
export function signalWork(runId?: string): void {
  bus().emitter.emit("work", runId);
}

export function onWork(listener: (runId?: string) => void): () => void {
  bus().emitter.on("work", listener);
  return () => bus().emitter.off("work", listener);
}
