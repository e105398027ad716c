"use client";
// "⌘" or "Ctrl": false while rendering on the server and hydrating, so the HTML matches.
import { useSyncExternalStore } from "react";
import { isMac } from "../chrome/shortcuts";

const never = () => () => {};

export function useIsMac(): boolean {
  return useSyncExternalStore(never, isMac, () => false);
}
