// Words for a waiting step on the canvas.
const WAITS: Record<string, string> = { human: "for a person", subprocess: "for a sub-workflow", timer: "on a timer", budget: "for approval of extra AI spend" };

/** What a waiting step waits for, from the engine's wait reason. */
export function waitLabel(reason: string | null): string | null {
  return reason ? (WAITS[reason] ?? reason) : null;
}
