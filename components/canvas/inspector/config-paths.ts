// Reading and writing inside a config by path, immutably, and grouping schema issues by path.
import type { z } from "zod";

export type Path = readonly (string | number)[];

export const pathKey = (path: Path) => path.map(String).join(".");

export function getIn(value: unknown, path: Path): unknown {
  let cur = value;
  for (const part of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/** A copy of `root` with the value at `path` replaced; undefined removes an object key. */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const copy = root.slice();
    copy[head] = setIn(root[head], rest, value);
    return copy;
  }
  const base = root !== null && typeof root === "object" && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  const next = setIn(base[head as string], rest, value);
  const copy = { ...base };
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** Schema issues by dotted path ("" for the whole config). */
export function issuesByPath(error: z.ZodError | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of error?.issues ?? []) {
    const key = issue.path.map(String).join(".");
    const list = map.get(key);
    if (list) {
      if (!list.includes(issue.message)) list.push(issue.message);
    } else map.set(key, [issue.message]);
  }
  return map;
}

/** Moves a list item from one index to another. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  if (to < 0 || to >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}
