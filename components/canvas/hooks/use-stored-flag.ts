"use client";
// A yes/no preference of the designer's chrome (the palette's width) kept in localStorage, so it
// survives a reload and applies to every workflow. The server and hydration render the default;
// the stored value (or, when nothing is stored, the browser's own default, e.g. by screen width)
// applies right after, without a mismatch.
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
/** This page's values, for when storage is blocked. */
const memory = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

export function useStoredFlag(key: string, fallback: boolean, browserDefault?: () => boolean): [boolean, (next: boolean) => void] {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(key) ?? (browserDefault ? (browserDefault() ? "1" : "0") : null),
    () => null,
  );
  const value = stored === null ? fallback : stored === "1";
  const set = useCallback(
    (next: boolean) => {
      memory.set(key, next ? "1" : "0");
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // storage blocked: remembered for this page only
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, set];
}
