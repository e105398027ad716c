"use client";
// The node palette: searchable, grouped by category. Drag an item onto the canvas, or click it
// (Enter/Space) to add it in the middle of the view; Enter in the search adds the first match.
import { memo, useMemo, useState } from "react";
import { Search } from "lucide-react";
import { paletteGroups } from "@/lib/nodes/registry";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/utils";
import { nodeIcon } from "../nodes/icons";
import { filterPalette } from "./palette-filter";

export const PALETTE_MIME = "application/x-switchyard-node-type";

const ALL_GROUPS = paletteGroups();

export const Palette = memo(function Palette({ onAdd }: { onAdd: (type: string) => void }) {
  const [query, setQuery] = useState("");
  const groups = useMemo(() => filterPalette(ALL_GROUPS, query), [query]);
  return (
    <aside aria-label="Node palette" data-testid="palette" className="flex h-full w-60 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="relative p-3">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-5 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          type="search"
          data-testid="palette-search"
          aria-label="Search node types"
          placeholder="Search nodes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            const first = groups[0]?.items[0];
            if (e.key === "Enter" && first) {
              e.preventDefault();
              onAdd(first.type);
            }
          }}
          className={cn(inputClass, "pl-8")}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        {groups.length === 0 && <p className="px-1 text-sm text-zinc-500">No node type matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.category} aria-labelledby={`palette-${group.category}`} className="mb-3">
            <h3 id={`palette-${group.category}`} className="mb-1 px-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              {group.label}
            </h3>
            <ul className="space-y-1">
              {group.items.map((d) => {
                const Icon = nodeIcon(d.icon);
                return (
                  <li key={d.type}>
                    <button
                      type="button"
                      draggable
                      data-testid={`palette-item-${d.type}`}
                      title={`${d.description} Drag onto the canvas, or press to add.`}
                      onClick={() => onAdd(d.type)}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(PALETTE_MIME, d.type);
                        e.dataTransfer.effectAllowed = "copy";
                      }}
                      className="flex w-full cursor-grab items-center gap-2 rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-left text-sm hover:border-zinc-300 hover:bg-zinc-50 active:cursor-grabbing dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800"
                    >
                      <span className="flex size-6 shrink-0 items-center justify-center rounded" style={{ backgroundColor: `${d.color}1f`, color: d.color }}>
                        <Icon aria-hidden className="size-3.5" />
                      </span>
                      <span className="truncate">{d.label}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
});
