"use client";
// The node palette, grouped by category: a searchable list with names by default (a new designer
// sees what each icon is), or a narrow rail of icons; the choice is remembered. On a phone-sized
// screen it starts as the rail, so the canvas keeps most of the width. Drag an item onto the
// canvas, or click it (Enter/Space) to add it in the middle of the view; Enter in the search adds
// the first match.
import { memo, useMemo, useRef, useState } from "react";
import { PanelLeftClose, PanelLeftOpen, Search, type LucideIcon } from "lucide-react";
import { paletteGroups, type PaletteGroup } from "@/lib/nodes/registry";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/utils";
import { useStoredFlag } from "../hooks/use-stored-flag";
import { nodeIcon } from "../nodes/icons";
import { filterPalette } from "./palette-filter";

export const PALETTE_MIME = "application/x-switchyard-node-type";
export const PALETTE_EXPANDED_KEY = "switchyard.designer.palette-expanded";

const ALL_GROUPS = paletteGroups();

/** Labels by default, except on a narrow screen (phones), where the rail leaves the canvas room. */
const wideScreen = () => window.matchMedia("(min-width: 768px)").matches;

type Definition = PaletteGroup["items"][number];

const toggleClass =
  "inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

function PaletteItem({ d, icon: Icon, compact, onAdd }: { d: Definition; icon: LucideIcon; compact: boolean; onAdd: (type: string) => void }) {
  return (
    <button
      type="button"
      draggable
      data-testid={`palette-item-${d.type}`}
      aria-label={compact ? d.label : undefined}
      title={`${compact ? `${d.label}: ` : ""}${d.description} Drag onto the canvas, or press to add.`}
      onClick={() => onAdd(d.type)}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, d.type);
        e.dataTransfer.effectAllowed = "copy";
      }}
      className={cn(
        "flex cursor-grab items-center rounded-md border border-transparent text-left text-sm hover:border-zinc-300 hover:bg-zinc-50 active:cursor-grabbing dark:hover:border-zinc-700 dark:hover:bg-zinc-800",
        compact ? "size-10 justify-center" : "w-full gap-2 border-zinc-200 bg-white px-2 py-1.5 dark:border-zinc-800 dark:bg-zinc-900",
      )}
    >
      <span className={cn("flex shrink-0 items-center justify-center rounded", compact ? "size-8" : "size-6")} style={{ backgroundColor: `${d.color}1f`, color: d.color }}>
        <Icon aria-hidden className={compact ? "size-4" : "size-3.5"} />
      </span>
      {!compact && <span className="truncate">{d.label}</span>}
    </button>
  );
}

export const Palette = memo(function Palette({ onAdd }: { onAdd: (type: string) => void }) {
  const [expanded, setExpanded] = useStoredFlag(PALETTE_EXPANDED_KEY, true, wideScreen);
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const groups = useMemo(() => filterPalette(ALL_GROUPS, expanded ? query : ""), [expanded, query]);

  const expandAndSearch = () => {
    setExpanded(true);
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  return (
    <aside
      aria-label="Node palette"
      data-testid="palette"
      data-expanded={expanded}
      className={cn(
        "flex h-full shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
        expanded ? "w-56" : "w-14",
      )}
    >
      {expanded ? (
        <div className="flex items-center gap-1 p-2">
          <div className="relative min-w-0 flex-1">
            <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
            <input
              ref={searchRef}
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
              className={cn(inputClass, "h-8 pl-8")}
            />
          </div>
          <button type="button" data-testid="palette-toggle" aria-label="Collapse the palette" title="Show icons only" onClick={() => setExpanded(false)} className={toggleClass}>
            <PanelLeftClose aria-hidden className="size-4" />
          </button>
        </div>
      ) : (
        <div className="flex flex-col items-center gap-1 py-2">
          <button type="button" data-testid="palette-toggle" aria-label="Expand the palette" title="Show names and search" onClick={() => setExpanded(true)} className={toggleClass}>
            <PanelLeftOpen aria-hidden className="size-4" />
          </button>
          <button type="button" aria-label="Search node types" title="Search node types" onClick={expandAndSearch} className={toggleClass}>
            <Search aria-hidden className="size-4" />
          </button>
        </div>
      )}
      <div className={cn("min-h-0 flex-1 overflow-y-auto", expanded ? "px-2 pb-3" : "px-2 pb-2")}>
        {groups.length === 0 && <p className="px-1 text-sm text-zinc-500">No node type matches “{query}”.</p>}
        {groups.map((group) => (
          <section
            key={group.category}
            aria-labelledby={`palette-${group.category}`}
            className={cn(expanded ? "mb-3" : "flex flex-col items-center gap-0.5 border-t border-zinc-100 py-1.5 dark:border-zinc-800")}
          >
            <h3 id={`palette-${group.category}`} className={cn(expanded ? "mb-1 px-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase" : "sr-only")}>
              {group.label}
            </h3>
            <ul className={cn(expanded ? "space-y-1" : "flex flex-col items-center gap-0.5")}>
              {group.items.map((d) => (
                <li key={d.type}>
                  <PaletteItem d={d} icon={nodeIcon(d.icon)} compact={!expanded} onAdd={onAdd} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
});
