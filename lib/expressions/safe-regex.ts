// JSONata runs regular expressions with the host's RegExp, on the server's thread, in one native
// call that nothing can interrupt: /(a+)+$/ on "aaaa…b" would hold the event loop for minutes.
// The classic catastrophic shapes are a quantified group that itself holds a quantifier
// ("star height" > 1: (a+)+, (\w*)*, (x+y?){2,}); they are refused before they run. This is a
// screen for the common case, not a proof: docs/sandbox.md says what it does not catch.

export class UnsafeRegexError extends Error {
  readonly code = "SY1002";
  constructor(source: string) {
    super(`the regular expression /${source}/ repeats a group that itself repeats (like (a+)+), which can take forever on some inputs; rewrite it without the nested repetition`);
  }
}

const QUANTIFIER = /^(?:[*+]|\{\d+,\d*\})/;

/** True when some quantified group contains a quantifier of its own. */
export function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      continue;
    }
    if (ch === "(") {
      groups.push(false);
      continue;
    }
    const quantified = QUANTIFIER.test(source.slice(i + 1));
    if (ch === ")") {
      const inner = groups.pop() ?? false;
      if (quantified && inner) return true;
      // A group that repeats, or holds a repetition, makes its parent hold one.
      if ((quantified || inner) && groups.length > 0) groups[groups.length - 1] = true;
      continue;
    }
    if (QUANTIFIER.test(source.slice(i)) && groups.length > 0 && !(ch === "{" && i > 0 && source[i - 1] === ")")) groups[groups.length - 1] = true;
  }
  return false;
}

/** The RegexEngine given to JSONata: a RegExp that refuses nested repetition. */
export class GuardedRegExp extends RegExp {
  constructor(pattern: RegExp | string, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    if (hasNestedQuantifier(source)) throw new UnsafeRegexError(source);
    super(pattern, flags);
  }
}
