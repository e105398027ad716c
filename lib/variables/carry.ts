// Variables carried from a past run into a new one (a step test, "run from here"): the values
// that run saw, except its secret placeholders, which only fill for the run they were made for
// (secret-marker.ts): those, and variables the past run did not have, come fresh.
import { MARKER_PATTERN } from "./secret-marker";

export interface NamedValue {
  name: string;
  value?: unknown;
}

const isMarker = (value: unknown) => typeof value === "string" && new RegExp(`^${MARKER_PATTERN.source}$`).test(value);

export function carryVariables(seen: readonly NamedValue[], fresh: readonly NamedValue[]): NamedValue[] {
  const byName = new Map(seen.map((v) => [v.name, { ...v }]));
  for (const v of fresh) {
    const old = byName.get(v.name);
    if (!old || isMarker(old.value)) byName.set(v.name, { ...v });
  }
  return [...byName.values()];
}
