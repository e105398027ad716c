// What a draft cannot carry and the designer should still do, in words for the canvas banner.
// Schedules are triggers, kept apart from the workflow document the importer reads (see
// lib/workflows/export-format.ts and lib/triggers), so a schedule named in the sentence becomes a
// note with the cron expression to add in the Triggers panel. Pure.
import { scheduleOf } from "./schedule";

export function draftNotes(sentence: string): string[] {
  const notes: string[] = [];
  const schedule = scheduleOf(sentence);
  if (schedule) {
    notes.push(
      `You asked for it to run ${schedule.text}: a draft cannot carry a schedule, so after publishing add one in the Triggers panel (cron "${schedule.cron}").`,
    );
  }
  return notes;
}
