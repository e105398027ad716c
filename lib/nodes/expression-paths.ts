// Finds the expressions inside a config from path patterns ("branches.*.condition"), walking
// the config as stored: a config that fails its schema still yields the expressions it has,
// so a syntax error shows while another field is still being fixed.
import { isRecord } from "./fields";
import type { ExpressionRef } from "./types";

export interface ExpressionSpec {
  /** Dotted path; "*" matches every index of an array. */
  pattern: string;
  kind: ExpressionRef["kind"];
}

function walk(value: unknown, segments: string[], path: string[], kind: ExpressionRef["kind"], out: ExpressionRef[]) {
  if (segments.length === 0) {
    if (typeof value === "string") out.push({ path: path.join("."), source: value, kind });
    return;
  }
  const [head, ...rest] = segments;
  if (head === "*") {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, rest, [...path, String(i)], kind, out));
  } else if (isRecord(value) && Object.hasOwn(value, head)) {
    walk(value[head], rest, [...path, head], kind, out);
  }
}

export function collectExpressions(config: unknown, specs: readonly ExpressionSpec[]): ExpressionRef[] {
  const out: ExpressionRef[] = [];
  for (const spec of specs) walk(config, spec.pattern.split("."), [], spec.kind, out);
  return out;
}

/** Builds a definition's `expressions` from its patterns. */
export function expressionsAt(specs: readonly ExpressionSpec[]) {
  return (config: unknown) => collectExpressions(config, specs);
}
