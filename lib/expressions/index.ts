// One entry point for the editor and the validator: check an expression of either kind.
import { checkJsonata, type ExpressionError } from "./jsonata-check";
import { checkTemplate } from "./template";

export { checkJsonata, type ExpressionError } from "./jsonata-check";
export { checkTemplate, hasPlaceholders, parseTemplate, type TemplatePart } from "./template";

export type ExpressionKind = "jsonata" | "template";

export function checkExpression(source: string, kind: ExpressionKind): ExpressionError | null {
  return kind === "jsonata" ? checkJsonata(source) : checkTemplate(source);
}
