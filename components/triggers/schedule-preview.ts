// The schedule's preview in words: "every weekday at 09:00 Europe/Berlin, next: Mon 8 Dec 09:00",
// or, for shapes without a short description, the next three fire times. Pure.
import { checkCron, nextFires } from "@/lib/triggers/cron";
import { describeCron } from "@/lib/triggers/describe";

export function formatFireTime(iso: string | Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: timezone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso));
}

export type Preview = { ok: true; words: string; next: string[] } | { ok: false; field: "cron" | "timezone"; message: string };

export function schedulePreview(cron: string, timezone: string, now = new Date()): Preview {
  const checked = checkCron(cron, timezone);
  if (!checked.ok) return checked;
  const next = nextFires(checked.cron, 3, now).map((t) => formatFireTime(t, timezone));
  const described = describeCron(cron);
  const words = described ? `${described} ${timezone}${next[0] ? `, next: ${next[0]}` : ", no fire time ahead"}` : next.length ? `next: ${next.join(" · ")} (${timezone})` : "no fire time ahead";
  return { ok: true, words, next };
}
