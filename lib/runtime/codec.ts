// How a run's state and book sit in workflow_executions: as fields anyone can read and query,
// with the user values inside the state (input, variables, outputs) as JSON text
// (lib/engine/storage.ts), since user values may break the database's key rules.
import { decodeState, encodeState } from "@/lib/engine/storage";
import type { RunState } from "@/lib/engine/state";

/**
 * The value as JSON would keep it: the driver would store an undefined field as null, and the
 * state and events tell "absent" from null.
 */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function storedState(state: RunState): RunState {
  return plain(encodeState(state));
}

export function stateFromStored(stored: unknown): RunState {
  return decodeState(stored as RunState);
}

/** A user value as JSON text; undefined stays undefined. */
export function valueToText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

export function valueFromText(text: string | null | undefined): unknown {
  return typeof text === "string" ? (JSON.parse(text) as unknown) : undefined;
}

