// A schedule named in a sentence ("every Monday at 9", "daily at 8:30 am", "every hour") as a
// cron expression. Schedules are triggers, and triggers are not part of the workflow file the
// importer reads (lib/workflows/export-format.ts), so a draft cannot carry one: the draft's
// notes say which schedule to add in the Triggers panel. Pure.
export interface SentenceSchedule {
  /** Five fields: minute hour day-of-month month day-of-week. */
  cron: string;
  /** What was understood, in words: "every Monday at 09:00". */
  text: string;
}

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function timeOf(text: string): { hour: number; minute: number } | null {
  const at = /\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/.exec(text) ?? /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b/.exec(text);
  if (!at) return null;
  let hour = Number(at[1]);
  const minute = at[2] ? Number(at[2]) : 0;
  const half = at[3]?.replace(/\./g, "");
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function scheduleOf(sentence: string): SentenceSchedule | null {
  const text = sentence.toLowerCase();
  if (/\bevery\s+hour\b|\bhourly\b/.test(text)) return { cron: "0 * * * *", text: "every hour" };
  const time = timeOf(text) ?? (/\bmorning\b/.test(text) ? { hour: 9, minute: 0 } : null);
  const at = time ?? { hour: 9, minute: 0 };
  const clock = `${pad(at.hour)}:${pad(at.minute)}`;
  const day = DAYS.findIndex((d) => new RegExp(`\\b(?:every|each|on)\\s+${d}s?\\b|\\b${d}s\\b`).test(text));
  if (day >= 0) return { cron: `${at.minute} ${at.hour} * * ${day}`, text: `every ${DAYS[day][0].toUpperCase()}${DAYS[day].slice(1)} at ${clock}` };
  if (/\bevery\s+weekday\b|\bon\s+weekdays\b/.test(text)) return { cron: `${at.minute} ${at.hour} * * 1-5`, text: `every weekday at ${clock}` };
  if (/\bevery\s+(?:day|morning|night|evening)\b|\bdaily\b|\beach\s+day\b/.test(text)) return { cron: `${at.minute} ${at.hour} * * *`, text: `every day at ${clock}` };
  if (/\bevery\s+week\b|\bweekly\b/.test(text)) return { cron: `${at.minute} ${at.hour} * * 1`, text: `every Monday at ${clock}` };
  if (/\bevery\s+month\b|\bmonthly\b/.test(text)) return { cron: `${at.minute} ${at.hour} 1 * *`, text: `on the 1st of every month at ${clock}` };
  return null;
}
