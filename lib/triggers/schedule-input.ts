// The run input of a schedule's run: when it was due, and whether it is a catch-up of a time
// missed while nothing ran. A Start node field named scheduledFor (date) receives the first.
export function scheduleInput(fireTime: Date, catchUp: boolean): Record<string, unknown> {
  return { scheduledFor: fireTime.toISOString(), catchUp };
}
