// How a run's state is stored: JSON, compressed, in one binary field. The state is plain JSON
// whose user values (inputs, outputs, variables) may hold nested arrays or keys with "." and
// "$" that the database refuses; packed they cannot break anything. Compressed because the
// embedded FerretDB reads every byte of a collection even for a read by _id (its _id index is
// not used: see the runtime notes in README), so bytes are time. Nothing queries inside a
// state: the fields lists need (status, waiting steps, wake-up time) sit beside it.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Binary } from "mongodb";
import type { RunState } from "@/lib/engine/state";
import type { StoredEvent } from "./event-records";

export function pack(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value), { level: 1 });
}

export function unpack<T>(data: Buffer | Binary | Uint8Array): T {
  const bytes = Buffer.isBuffer(data) ? data : data instanceof Uint8Array ? Buffer.from(data) : Buffer.from((data as Binary).buffer);
  return JSON.parse(inflateRawSync(bytes).toString("utf8")) as T;
}

export function packState(state: RunState): Buffer {
  return pack(state);
}

export function unpackState(data: Buffer | Binary | Uint8Array): RunState {
  return unpack<RunState>(data);
}

export function eventsFromText(text: string | null | undefined): StoredEvent[] {
  if (!text) return [];
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? (value as StoredEvent[]) : [];
}

/** A user value as JSON text; undefined stays undefined. */
export function valueToText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

export function valueFromText(text: string | null | undefined): unknown {
  return typeof text === "string" ? (JSON.parse(text) as unknown) : undefined;
}
