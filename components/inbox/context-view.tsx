// Renders the data a task is about for people, not as JSON: objects as labelled rows, lists as
// lists, long text (an AI's answer) as paragraphs. Deep or huge values are cut with a note.
import { cn } from "@/lib/utils";

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;

export function humanize(key: string): string {
  const spaced = key.replace(/[_-]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").trim();
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : key;
}

/** An AI step's output ({ text | object, usage, model, provider, … }): what matters is the answer. */
function aiAnswer(value: Record<string, unknown>): { answer: unknown; model: string } | null {
  if (typeof value.provider !== "string" || typeof value.model !== "string") return null;
  if (!("text" in value) && !("object" in value)) return null;
  return { answer: "object" in value && value.object !== undefined ? value.object : value.text, model: value.provider === value.model ? value.model : `${value.provider} ${value.model}` };
}

/** User id → the name to show (lib/users/people.ts): the data keeps the id, people read the name. */
type People = Record<string, string>;

function Scalar({ value, people }: { value: unknown; people?: People }) {
  if (value === null || value === undefined || value === "") return <span className="text-zinc-400">—</span>;
  const person = typeof value === "string" ? people?.[value.toLowerCase()] : undefined;
  if (person) return <span title={`User id ${value as string}`} data-testid="person-name">{person}</span>;
  if (typeof value === "boolean") return <span>{value ? "Yes" : "No"}</span>;
  if (typeof value === "number") return <span className="tabular-nums">{value.toLocaleString()}</span>;
  const text = String(value);
  if (text.length > 120 || text.includes("\n")) return <p className="whitespace-pre-wrap leading-relaxed">{text}</p>;
  return <span className="break-words">{text}</span>;
}

export function ValueView({ value, depth = 0, people }: { value: unknown; depth?: number; people?: People }) {
  if (value === null || typeof value !== "object") return <Scalar value={value} people={people} />;
  if (depth >= MAX_DEPTH) return <span className="text-xs text-zinc-500">(more detail in the run)</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-zinc-400">none</span>;
    return (
      <ul className="list-disc space-y-1 pl-5">
        {value.slice(0, MAX_ITEMS).map((item, i) => (
          <li key={i}>
            <ValueView value={item} depth={depth + 1} people={people} />
          </li>
        ))}
        {value.length > MAX_ITEMS && <li className="text-xs text-zinc-500">and {value.length - MAX_ITEMS} more</li>}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const ai = aiAnswer(value as Record<string, unknown>);
  if (ai) {
    return (
      <div className="space-y-1">
        <ValueView value={ai.answer} depth={depth} people={people} />
        <p className="text-xs text-zinc-500">Answer from {ai.model}</p>
      </div>
    );
  }
  if (entries.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <dl className={cn("grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-1.5", depth > 0 && "border-l border-zinc-200 pl-3 dark:border-zinc-800")}>
      {entries.slice(0, MAX_ITEMS).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500">{humanize(k)}</dt>
          <dd className="min-w-0">
            <ValueView value={v} depth={depth + 1} people={people} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
