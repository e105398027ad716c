"use client";
import { useSyncExternalStore } from "react";
import { resolve, storedChoice, subscribeTheme, type ResolvedTheme, type ThemeChoice } from "./theme";

const systemDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;

/** The person's theme choice; "system" in the server HTML. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeTheme, storedChoice, () => "system");
}

/** Light or dark as shown now; "light" in the server HTML. */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeTheme, () => resolve(storedChoice(), systemDark()), () => "light");
}
