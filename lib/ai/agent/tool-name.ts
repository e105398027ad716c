// Tool names the model providers accept: [A-Za-z0-9_-]{1,64}, unique within one step. MCP
// servers allow dots and longer names, and a workflow's name is free text, so every source of
// tools names them through here.

const NAME_MAX = 64;

/** `raw` with other characters as "_", cut to 64: "text.upper" → "text_upper". */
export function safeToolName(raw: string): string {
  return (raw.replace(/[^A-Za-z0-9_-]/g, "_") || "tool").slice(0, NAME_MAX);
}

/** safeToolName(raw); a name already in `taken` gets _2, _3… (and is added to it). */
export function uniqueToolName(raw: string, taken: Set<string>): string {
  const base = safeToolName(raw);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, NAME_MAX - String(i).length - 1)}_${i}`;
  taken.add(name);
  return name;
}

/** A readable name from free text: "Expense claim (EU)" → "expense_claim_eu". */
export function slugToolName(text: string, taken: Set<string>): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return uniqueToolName(slug || "workflow", taken);
}
