"use client";
// A small menu at the pointer: role="menu", arrow keys move, Enter chooses, Escape or a click
// elsewhere closes. An item with `items` opens a second page (e.g. "Add node here").
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils";

export interface MenuItem {
  label: string;
  onSelect?: () => void;
  items?: MenuItem[];
  shortcut?: string;
  disabled?: boolean;
  danger?: boolean;
}

export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState<{ title: string; items: MenuItem[] } | null>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  const shown = page?.items ?? items;

  // Keep the menu on screen, then focus its first item.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(x, window.innerWidth - r.width - 4));
    const top = Math.max(4, Math.min(y, window.innerHeight - r.height - 4));
    if (left !== pos.left || top !== pos.top) setPos({ left, top });
    el.querySelector<HTMLElement>("[role=menuitem]:not([disabled])")?.focus();
  }, [x, y, page, pos.left, pos.top]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const onBlur = () => onClose();
    document.addEventListener("pointerdown", onPointer, true);
    window.addEventListener("blur", onBlur);
    return () => {
      document.removeEventListener("pointerdown", onPointer, true);
      window.removeEventListener("blur", onBlur);
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]:not([disabled])") ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = e.key === "ArrowDown" ? (at + 1) % all.length : (at - 1 + all.length) % all.length;
      all[next]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (page) setPage(null);
      else onClose();
    } else if (e.key === "ArrowLeft" && page) {
      e.preventDefault();
      setPage(null);
    } else if (e.key === "Tab") {
      e.preventDefault();
    }
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    if (item.items) {
      setPage({ title: item.label, items: item.items });
      return;
    }
    onClose();
    item.onSelect?.();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={page?.title ?? "Canvas actions"}
      data-testid="context-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      className="fixed z-50 max-h-[60vh] min-w-52 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left: pos.left, top: pos.top }}
    >
      {page && (
        <button
          type="button"
          role="menuitem"
          onClick={() => setPage(null)}
          className="flex w-full items-center gap-1 rounded px-2 py-1.5 text-left text-xs text-zinc-500 hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
        >
          <ChevronLeft aria-hidden className="size-3" /> {page.title}
        </button>
      )}
      {shown.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          disabled={item.disabled}
          aria-haspopup={item.items ? "menu" : undefined}
          onClick={() => choose(item)}
          onKeyDown={(e) => {
            if (e.key === "ArrowRight" && item.items) {
              e.preventDefault();
              choose(item);
            }
          }}
          className={cn(
            "flex w-full items-center justify-between gap-6 rounded px-2 py-1.5 text-left hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none disabled:opacity-40 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800",
            item.danger && "text-red-600 dark:text-red-400",
          )}
        >
          <span>{item.label}</span>
          {item.items ? <ChevronRight aria-hidden className="size-3.5 text-zinc-400" /> : item.shortcut && <kbd className="text-xs text-zinc-400">{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
