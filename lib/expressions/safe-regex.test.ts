import { describe, expect, it } from "vitest";
import { GuardedRegExp, hasNestedQuantifier, UnsafeRegexError } from "./safe-regex";

describe("the regular-expression screen", () => {
  it("finds a repeated group that repeats inside", () => {
    for (const source of ["(a+)+$", "(\\w*)*", "(x+y?){2,}", "((ab)*c)+", "(a|b+)*", "(?:a{2,})+"]) expect(hasNestedQuantifier(source), source).toBe(true);
  });

  it("lets ordinary expressions through", () => {
    for (const source of ["a+b*", "(ab)+", "[a+]+", "\\(a+\\)+", "^\\d{3}-\\d{4}$", "(a)(b+)", "(?:abc){2,3}", "(a{2})", "^[\\w.+-]+@[\\w-]+\\.[\\w.]+$"]) {
      expect(hasNestedQuantifier(source), source).toBe(false);
    }
  });

  it("is the RegExp JSONata gets: refuses the dangerous ones with a message, behaves as RegExp otherwise", () => {
    expect(() => new GuardedRegExp(/(a+)+$/)).toThrow(UnsafeRegexError);
    expect(() => new GuardedRegExp(/(a+)+$/)).toThrow(/repeats a group that itself repeats/);
    const re = new GuardedRegExp(/b(c+)/g);
    expect(re.exec("abccd")?.[1]).toBe("cc");
    expect(re.flags).toBe("g");
  });
});
