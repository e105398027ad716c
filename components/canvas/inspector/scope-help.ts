// What the names in a decision's conditions refer to, and which bare names will read nothing.
// A condition is evaluated with the root `$` bound to the data flowing into the node (the output
// of the step before it); `$input` is the run's input, `$vars` the run variables, `$nodes.<id>`
// any earlier step's output (lib/engine/expressions.ts). So `amount > 100` after an HTTP step
// reads the HTTP step's output, where there is no `amount`, and is silently false: the designer
// meant `$input.amount`. Pure.
import jsonata from "jsonata";
import { isRecord } from "@/lib/nodes/fields";

type AstNode = { type?: string; value?: unknown; steps?: AstNode[]; stages?: AstNode[]; predicate?: AstNode[]; [key: string]: unknown };

const CHILD_KEYS = ["lhs", "rhs", "expression", "arguments", "condition", "then", "else"] as const;

/**
 * The names an expression reads from its root (`amount`, `$.amount`, `customer` in
 * `customer.tier`), in order of appearance, each once. Names inside a path's later steps or a
 * filter are relative to what came before and are not listed. [] when it does not parse.
 */
export function rootNames(expression: string): string[] {
  let ast: AstNode;
  try {
    ast = jsonata(expression).ast() as AstNode;
  } catch {
    return [];
  }
  const names: string[] = [];
  const visit = (node: unknown, atRoot: boolean) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, atRoot);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as AstNode;
    if (n.type === "lambda") return; // its names belong to its own arguments
    if (n.type === "path" && Array.isArray(n.steps)) {
      const [first, second] = n.steps;
      const rootStep = first?.type === "variable" && first.value === "" ? second : first;
      if (atRoot && rootStep?.type === "name" && typeof rootStep.value === "string") names.push(rootStep.value);
      // Later steps and filters read from the step before them, not from the root.
      n.steps.forEach((step, i) => {
        visit(step.stages, false);
        visit(step.predicate, false);
        // A first step that is itself an expression (`{ … }.a`, `(x + y).z`) reads from the root.
        if (step.type !== "name" && step.type !== "variable") visit(step, atRoot && i === 0);
      });
      return;
    }
    if (n.type === "name" && typeof n.value === "string") {
      if (atRoot) names.push(n.value);
      return;
    }
    for (const key of CHILD_KEYS) if (key in n) visit(n[key], atRoot);
    if (n.type === "unary" || n.type === "block") visit(n.expressions, atRoot);
    if (n.type === "unary" && Array.isArray(n.lhs)) for (const pair of n.lhs as unknown[]) visit(pair, atRoot); // object constructor
  };
  visit(ast, true);
  return [...new Set(names)];
}

/** The fields of a value, when it is an object; null when nothing can be said. */
export function fieldsOf(value: unknown): string[] | null {
  return isRecord(value) ? Object.keys(value) : null;
}

export interface BareNameWarning {
  /** Dotted config path of the condition, e.g. "branches.0.condition". */
  path: string;
  name: string;
  message: string;
}

/**
 * Bare names in conditions that are not fields of the data flowing in. `incoming` null means
 * its shape is unknown (no run yet, and the step before says nothing about its output): no
 * warnings then. A name that is a run input field gets "write $input.<name>" as the fix.
 */
export function bareNameWarnings(
  conditions: readonly { path: string; source: string }[],
  incoming: readonly string[] | null,
  runInputFields: readonly string[],
  from: string,
): BareNameWarning[] {
  if (!incoming) return [];
  const known = new Set(incoming);
  const warnings: BareNameWarning[] = [];
  for (const { path, source } of conditions) {
    for (const name of rootNames(source)) {
      if (known.has(name)) continue;
      const fix = runInputFields.includes(name) ? ` For the run's input field, write $input.${name}.` : "";
      const has = incoming.length ? ` (it has ${incoming.slice(0, 6).join(", ")}${incoming.length > 6 ? ", …" : ""})` : "";
      warnings.push({ path, name, message: `“${name}” is not a field of the data coming from ${from}${has}, so it reads nothing.${fix}` });
    }
  }
  return warnings;
}
