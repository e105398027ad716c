// console.log / info / warn / error / debug inside the sandbox, captured as lines with a cap,
// so a chatty or looping script cannot fill the run document.
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten";

export const CONSOLE_LEVELS = ["log", "info", "warn", "error", "debug"] as const;
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

export interface ConsoleLine {
  level: ConsoleLevel;
  message: string;
}

export const MAX_CONSOLE_LINES = 200;
export const MAX_LINE_CHARS = 2_000;

export type ConsoleWrite = (level: ConsoleLevel, message: string) => void;

/** Appends to `logs` up to the cap, then one line saying the rest was dropped. */
export function consoleSink(logs: ConsoleLine[], onLine?: (line: ConsoleLine) => void): ConsoleWrite {
  let dropped = false;
  return (level, message) => {
    if (logs.length >= MAX_CONSOLE_LINES) {
      if (!dropped) {
        dropped = true;
        const line: ConsoleLine = { level: "warn", message: `more than ${MAX_CONSOLE_LINES} console lines: the rest were dropped` };
        logs.push(line);
        onLine?.(line);
      }
      return;
    }
    const line: ConsoleLine = { level, message: message.length > MAX_LINE_CHARS ? `${message.slice(0, MAX_LINE_CHARS)}…` : message };
    logs.push(line);
    onLine?.(line);
  };
}

function show(vm: QuickJSContext, handle: QuickJSHandle): string {
  if (vm.typeof(handle) === "string") return vm.getString(handle);
  const value: unknown = vm.dump(handle);
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Defines globalThis.console in the sandbox; the handles it makes are released before it returns. */
export function installConsole(vm: QuickJSContext, write: ConsoleWrite): void {
  const consoleObject = vm.newObject();
  try {
    for (const level of CONSOLE_LEVELS) {
      const fn = vm.newFunction(level, (...args) => {
        write(level, args.map((a) => show(vm, a)).join(" "));
      });
      vm.setProp(consoleObject, level, fn);
      fn.dispose();
    }
    vm.setProp(vm.global, "console", consoleObject);
  } finally {
    consoleObject.dispose();
  }
}
