// Templates are plain text with `{{ expression }}` placeholders whose inside is JSONata,
// e.g. "Invoice {{ invoice.number }} is due". There is no escape for a literal "{{".
import { checkJsonata, type ExpressionError } from "./jsonata-check";

export type TemplatePart =
  | { kind: "text"; value: string; start: number }
  /** source is the raw text between the braces; start/end are its offsets in the template. */
  | { kind: "expression"; source: string; start: number; end: number };

interface Scan {
  parts: TemplatePart[];
  /** Offset of a "{{" that is never closed, if any. */
  unclosedAt?: number;
}

/** Index just past a quoted string starting at i, or -1 when it is never closed. */
function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    // Backticks quote field names in JSONata and have no escapes; quotes do.
    if (text[j] === "\\" && quote !== "`") j++;
    else if (text[j] === quote) return j + 1;
  }
  return -1;
}

/**
 * Index of the "}}" that closes a placeholder whose inside starts at `from`, or -1.
 * JSONata object constructors contain braces and strings may contain "}}", so a plain
 * indexOf would cut `{{ {"a": {"b": 1}} }}` in the wrong place.
 */
function findClose(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipQuoted(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth > 0) depth--;
      else if (text[i + 1] === "}") return i;
    }
    i++;
  }
  return -1;
}

function scanTemplate(text: string): Scan {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf("{{", cursor);
    if (open < 0) break;
    const close = findClose(text, open + 2);
    if (close < 0) {
      parts.push({ kind: "text", value: text.slice(cursor), start: cursor });
      return { parts, unclosedAt: open };
    }
    if (open > cursor) parts.push({ kind: "text", value: text.slice(cursor, open), start: cursor });
    parts.push({ kind: "expression", source: text.slice(open + 2, close), start: open + 2, end: close });
    cursor = close + 2;
  }
  if (cursor < text.length) parts.push({ kind: "text", value: text.slice(cursor), start: cursor });
  return { parts };
}

/**
 * Splits a template into literal text and placeholders. Lenient: an unclosed "{{" is kept
 * as text, so a half-typed template still previews; checkTemplate reports it.
 */
export function parseTemplate(text: string): TemplatePart[] {
  return scanTemplate(text).parts;
}

/** The first problem in a template, with its offset in the whole template, or null. */
export function checkTemplate(text: string): ExpressionError | null {
  const { parts, unclosedAt } = scanTemplate(text);
  for (const part of parts) {
    if (part.kind !== "expression") continue;
    if (part.source.trim() === "") {
      return { message: "Empty {{ }}: write an expression inside or remove the braces", position: part.start };
    }
    const error = checkJsonata(part.source);
    if (error) return { ...error, position: part.start + error.position };
  }
  if (unclosedAt !== undefined) {
    return { message: 'Unclosed "{{": end the expression with "}}"', position: unclosedAt };
  }
  return null;
}

/** True when the text has at least one placeholder, i.e. its value depends on run data. */
export function hasPlaceholders(text: string): boolean {
  return parseTemplate(text).some((part) => part.kind === "expression");
}
