// Cron in words for the common shapes ("every weekday at 09:00"); null for anything else, and the
// panel then lists the next fire times instead. Pure and small on purpose: a wrong sentence is
// worse than none, so only shapes it can say exactly are described.
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const NUMBER = /^\d+$/;
const STEP = /^\*\/(\d+)$/;

const pad = (n: string | number) => String(n).padStart(2, "0");
const plural = (n: number, one: string) => (n === 1 ? one : `${n} ${one}s`);

function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function weekdays(field: string): string | null {
  if (field === "*") return "every day";
  if (field === "1-5") return "every weekday";
  if (field === "0,6" || field === "6,0" || field === "6-7" || field === "6,7") return "every Saturday and Sunday";
  const days = field.split(",");
  if (!days.every((d) => NUMBER.test(d) && Number(d) <= 7)) return null;
  return `every ${listOf(days.map((d) => DAYS[Number(d) % 7]))}`;
}

/** "every weekday at 09:00", or null when the expression is not one of the shapes known here. */
export function describeCron(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) return null;
  const [second, minute, hour, day, month, weekday] = parts.length === 6 ? parts : ["0", ...parts];
  if (month !== "*") return null;
  const everyDay = day === "*" && weekday === "*";

  if (everyDay && hour === "*" && minute === "*") {
    if (second === "*") return "every second";
    const step = STEP.exec(second);
    if (step) return `every ${plural(Number(step[1]), "second")}`;
    if (second === "0") return "every minute";
    return null;
  }
  if (second !== "0" && !NUMBER.test(second)) return null;
  const secondSuffix = second === "0" ? "" : `:${pad(second)}`;
  if (everyDay && hour === "*") {
    const step = STEP.exec(minute);
    if (step && second === "0") return `every ${plural(Number(step[1]), "minute")}`;
    if (NUMBER.test(minute)) return `every hour at minute ${Number(minute)}${second === "0" ? "" : `, second ${Number(second)}`}`;
    return null;
  }
  if (!NUMBER.test(minute)) return null;
  const hourStep = STEP.exec(hour);
  if (everyDay && hourStep) return `every ${plural(Number(hourStep[1]), "hour")} at minute ${Number(minute)}`;
  if (!NUMBER.test(hour)) return null;
  const time = `${pad(hour)}:${pad(minute)}${secondSuffix}`;
  if (day === "*") {
    const days = weekdays(weekday);
    return days ? `${days} at ${time}` : null;
  }
  if (weekday === "*" && NUMBER.test(day)) return `on day ${Number(day)} of every month at ${time}`;
  if (weekday === "*" && day === "L") return `on the last day of every month at ${time}`;
  return null;
}
