// Syntax checks for JSONata, run as the user types and by the validator on every node.
// Only parses: nothing is evaluated, so this is safe on any input and needs no data.
import jsonata from "jsonata";

export interface ExpressionError {
  message: string;
  /**
   * Character offset in the checked text where the parser gave up: just past the offending
   * token, or the text's length when the expression ends too early.
   */
  position: number;
  /** JSONata's error code (e.g. "S0202"), for looking the error up in its documentation. */
  code?: string;
}

// jsonata() rebuilds its parser's symbol table on every call (~50-100 µs per expression), and
// the validator re-checks every expression of the graph on each edit, most of them unchanged.
// A least-recently-used cache makes that cheap. It is bounded in entries and keeps only short
// sources (nearly all are), so a server fed huge expressions holds at most ~10 MB here.
const CACHE_LIMIT = 10_000;
const CACHEABLE_LENGTH = 500;
const cache = new Map<string, ExpressionError | null>();

interface JsonataParseError {
  message?: unknown;
  position?: unknown;
  code?: unknown;
}

function toExpressionError(error: unknown, source: string): ExpressionError {
  const e = (typeof error === "object" && error !== null ? error : {}) as JsonataParseError;
  const raw = typeof e.position === "number" ? e.position : source.length;
  const message = typeof e.message === "string" && e.message ? e.message : "Invalid expression";
  const result: ExpressionError = { message, position: Math.max(0, Math.min(raw, source.length)) };
  if (typeof e.code === "string") result.code = e.code;
  return result;
}

/** Checks JSONata syntax only. Returns null when the expression parses. */
export function checkJsonata(source: string): ExpressionError | null {
  if (source.trim() === "") return { message: "Write an expression", position: 0 };
  const cached = cache.get(source);
  if (cached !== undefined) {
    // Re-inserting moves the entry to the back of the Map's order: recently used stays.
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }
  let result: ExpressionError | null = null;
  try {
    jsonata(source);
  } catch (error) {
    result = toExpressionError(error, source);
  }
  if (source.length > CACHEABLE_LENGTH) return result;
  if (cache.size >= CACHE_LIMIT) {
    // Maps iterate in insertion order: dropping the first entry evicts the oldest.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(source, result);
  return result;
}
