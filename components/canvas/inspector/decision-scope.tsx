"use client";
// Above a decision's branches: what each kind of name in a condition reads at this node, and a
// warning for each bare name that the data flowing in does not have (judged on the latest run's
// data when there is one, else on the start node's input fields when the start node is right
// before). The rules themselves are in scope-help.ts.
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { isRecord } from "@/lib/nodes/fields";
import { useEditor } from "../store/context";
import { bareNameWarnings, fieldsOf } from "./scope-help";
import { useIncomingSample } from "./use-incoming-sample";

interface Source {
  id: string;
  title: string;
  type: string;
}

const listNames = (names: readonly string[], max = 6) => `${names.slice(0, max).join(", ")}${names.length > max ? ", …" : ""}`;

export function DecisionScope({ nodeId, config }: { nodeId: string; config: Record<string, unknown> }) {
  const sources = useEditor(
    useShallow((s) =>
      s.edges
        .filter((e) => e.target === nodeId)
        .map((e) => {
          const n = s.nodes.find((node) => node.id === e.source);
          return `${e.source}\u0000${n?.data.title || e.source}\u0000${n?.type ?? ""}`;
        }),
    ),
  );
  const inputFields = useEditor(
    useShallow((s) => {
      const start = s.nodes.find((n) => n.type === "start");
      const fields = isRecord(start?.data.config) && Array.isArray(start.data.config.fields) ? start.data.config.fields : [];
      return fields.map((f: unknown) => (isRecord(f) && typeof f.name === "string" ? f.name : "")).filter(Boolean);
    }),
  );
  const before: Source[] = useMemo(() => [...new Set(sources)].map((s) => {
    const [id, title, type] = s.split("\u0000");
    return { id, title, type };
  }), [sources]);
  const sample = useIncomingSample(nodeId).data ?? null;

  const from = before.length === 0 ? "the step before it" : before.map((s) => `“${s.title}”`).join(" or ");
  // The start node passes the run input on: right after it, bare names are the input fields.
  const afterStartOnly = before.length === 1 && before[0].type === "start";
  const incoming = sample ? fieldsOf(sample.value) : afterStartOnly ? inputFields : null;
  const conditions = useMemo(() => {
    const branches = Array.isArray(config.branches) ? config.branches : [];
    return branches.flatMap((b: unknown, i) => (isRecord(b) && typeof b.condition === "string" ? [{ path: `branches.${i}.condition`, source: b.condition, label: typeof b.label === "string" && b.label ? b.label : `Branch ${i + 1}` }] : []));
  }, [config]);
  const warnings = bareNameWarnings(conditions, incoming, inputFields, from);
  const labelOf = new Map(conditions.map((c) => [c.path, c.label]));

  return (
    <section data-testid="decision-scope" aria-label="What names mean in these conditions" className="space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-2.5 text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-800/40 dark:text-zinc-300">
      <h3 className="font-semibold text-zinc-800 dark:text-zinc-200">What names mean here</h3>
      <ul className="space-y-1">
        <li data-testid="scope-bare">
          <code className="font-mono">amount</code>, <code className="font-mono">status</code>… (no <code className="font-mono">$</code>): the data coming from {from}
          {incoming && incoming.length > 0 && (
            <span className="text-zinc-500">
              {" "}
              ({sample ? "in the latest run" : "the run's input fields"}: {listNames(incoming)})
            </span>
          )}
          {!incoming && <span className="text-zinc-500"> (run the workflow once to check these names against real data)</span>}
        </li>
        <li>
          <code className="font-mono">$input.…</code>: the run&apos;s input{inputFields.length > 0 && <span className="text-zinc-500"> ({listNames(inputFields)})</span>}
        </li>
        <li>
          <code className="font-mono">$vars.…</code>: the run&apos;s variables · <code className="font-mono">$nodes.&lt;id&gt;</code>: an earlier step&apos;s output
        </li>
      </ul>
      {warnings.length > 0 && (
        <ul role="status" data-testid="condition-warnings" className="space-y-1 rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          {warnings.map((w) => (
            <li key={`${w.path}:${w.name}`} data-testid="condition-warning">
              <span className="font-medium">{labelOf.get(w.path)}:</span> {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
