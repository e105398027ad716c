// The designer's "try it" preview: an expression evaluated against the latest run's data for its
// node, with the engine's own evaluator and bindings (lib/engine/expressions.ts, bounded by its
// step and time limits), and the result put in a few words. Pure: it runs in the browser.
import { evaluateExpression, ExpressionFailure, isTruthy, renderTemplate, type EvalScope, type EvalTarget } from "@/lib/engine/expressions";
import type { IncomingSample } from "./incoming-data";

/** Longest value shown under a field; the whole one (up to FULL_LIMIT) sits in its tooltip. */
export const SHOWN_LIMIT = 120;
const FULL_LIMIT = 2_000;

export type PreviewKind = "jsonata" | "template" | "condition";

export type Preview =
  | { state: "no-run"; text: string }
  | { state: "value"; text: string; full: string }
  /** The expression gives nothing (undefined): most often a path that does not exist in this data. */
  | { state: "nothing"; text: string }
  | { state: "error"; text: string };

const NAME = "Preview";
const WHAT = "this expression";

const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** A value as the preview shows it: JSON on one line, cut to SHOWN_LIMIT. */
export function formatValue(value: unknown, kind: PreviewKind): Preview {
  if (kind === "condition") return { state: "value", text: String(isTruthy(value)), full: String(isTruthy(value)) };
  if (value === undefined) return { state: "nothing", text: "nothing: no such field in this run's data" };
  // A template's result is text already: shown as it is; an expression's as JSON ("42", "\"42\"").
  const json = kind === "template" && typeof value === "string" ? value : JSON.stringify(value);
  if (kind === "template" && json === "") return { state: "value", text: "(empty text)", full: "" };
  return { state: "value", text: cut(json, SHOWN_LIMIT), full: cut(json, FULL_LIMIT) };
}

/**
 * The reason of an ExpressionFailure, without the "<node> could not evaluate <what> `<source>`: "
 * the engine puts first (`source`: what failed; in a template, one placeholder).
 */
export function reasonOf(message: string, source: string): string {
  const shown = source.length > 200 ? `${source.slice(0, 200)}…` : source;
  const prefix = `${NAME} could not evaluate ${WHAT} \`${shown}\`: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export async function previewExpression(source: string, kind: PreviewKind, sample: IncomingSample | null, now = Date.now()): Promise<Preview> {
  if (!sample) return { state: "no-run", text: "no run yet: run the workflow once to preview" };
  const scope: EvalScope = { input: sample.value, ...sample.scope };
  const target: EvalTarget = { nodeId: "preview", nodeName: NAME, label: WHAT, now, seed: `preview:${sample.runId}` };
  try {
    const value = kind === "template" ? await renderTemplate(source, scope, target) : await evaluateExpression(source.trim(), scope, target);
    return formatValue(value, kind);
  } catch (error) {
    if (error instanceof ExpressionFailure) return { state: "error", text: cut(reasonOf(error.message, error.detail.expression ?? ""), 300) };
    return { state: "error", text: cut(error instanceof Error ? error.message : String(error), 300) };
  }
}
