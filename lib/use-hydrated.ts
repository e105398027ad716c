"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server HTML and until React has hydrated this component, true after. Controls
 * whose events would be lost before hydration (a file input's change event has no replay)
 * render only once this is true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
