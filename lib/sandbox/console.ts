// The script's console lines on the host side, kept with a cap so a chatty or looping script
// cannot fill the run document. The sandbox worker (worker/sandbox-worker.mjs) defines the
// console inside QuickJS and streams each line here.
export type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

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
