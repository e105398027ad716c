// A small seeded random source, so the simulated provider answers the same prompt the same way.
import { createHash } from "node:crypto";

export interface Seeded {
  /** In [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** mulberry32 over the first 32 bits of the seed's SHA-256. */
export function seeded(seed: string): Seeded {
  let state = Number.parseInt(hashText(seed).slice(0, 8), 16) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
