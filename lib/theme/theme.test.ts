import { describe, expect, it } from "vitest";
import { isThemeChoice, resolve } from "./theme";

describe("theme", () => {
  it("resolves a choice against the system's scheme", () => {
    expect(resolve("system", true)).toBe("dark");
    expect(resolve("system", false)).toBe("light");
    expect(resolve("light", true)).toBe("light");
    expect(resolve("dark", false)).toBe("dark");
  });

  it("accepts only the three choices from storage", () => {
    expect(isThemeChoice("dark")).toBe(true);
    expect(isThemeChoice("blue")).toBe(false);
    expect(isThemeChoice(null)).toBe(false);
  });
});
