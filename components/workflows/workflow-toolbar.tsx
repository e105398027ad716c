"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Loader2, Search } from "lucide-react";
import { inputClass } from "@/components/ui/field";
import type { ListParams } from "@/lib/workflows/schema";
import { cn } from "@/lib/utils";

const STATUS_OPTIONS: { value: ListParams["status"]; label: string }[] = [
  { value: "current", label: "Drafts and active" },
  { value: "draft", label: "Drafts" },
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All, with archived" },
];

const SORT_OPTIONS: { value: ListParams["sort"]; label: string }[] = [
  { value: "updated", label: "Last edited" },
  { value: "name", label: "Name" },
  { value: "created", label: "Newest" },
];

const DEFAULTS: ListParams = { q: "", status: "current", tag: "", sort: "updated" };

function hrefFor(pathname: string, params: ListParams): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as (keyof ListParams)[]) {
    if (params[key] && params[key] !== DEFAULTS[key]) search.set(key, params[key]);
  }
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Search, filters and sort, kept in the URL so a view can be shared and survives a reload. */
export function WorkflowToolbar({ params, tags }: { params: ListParams; tags: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(params.q);
  // The search last sent to the URL, and the URL's search last seen: a URL change we did not
  // make (Back, a link) updates the box, while our own never overwrites what is being typed.
  const [sent, setSent] = useState(params.q);
  const [seen, setSeen] = useState(params.q);
  if (params.q !== seen) {
    setSeen(params.q);
    if (params.q !== sent) {
      setSent(params.q);
      setQuery(params.q);
    }
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function navigate(next: Partial<ListParams>) {
    if (next.q !== undefined) setSent(next.q);
    startTransition(() => router.replace(hrefFor(pathname, { ...params, ...next }), { scroll: false }));
  }

  // Searching as one types, without a request per keystroke.
  function onSearchInput(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate({ q: value.trim() }), 250);
  }

  const selectClass = cn(inputClass, "w-auto pr-8");
  return (
    <form role="search" className="mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); clearTimeout(timer.current); navigate({ q: query.trim() }); }}>
      <div className="relative min-w-56 flex-1">
        <label htmlFor="workflow-search" className="sr-only">Search workflows by name</label>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          id="workflow-search"
          type="search"
          value={query}
          onChange={(e) => onSearchInput(e.target.value)}
          placeholder="Search by name"
          className={cn(inputClass, "pl-9")}
          maxLength={200}
        />
      </div>
      <Select id="workflow-status" label="Status" value={params.status} onChange={(status) => navigate({ status: status as ListParams["status"] })} className={selectClass}>
        {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
      <Select id="workflow-tag" label="Tag" value={params.tag} onChange={(tag) => navigate({ tag })} className={selectClass}>
        <option value="">All tags</option>
        {params.tag && !tags.some((t) => t.toLowerCase() === params.tag.toLowerCase()) && <option value={params.tag}>{params.tag}</option>}
        {tags.map((t) => <option key={t} value={t}>{t}</option>)}
      </Select>
      <Select id="workflow-sort" label="Sort by" value={params.sort} onChange={(sort) => navigate({ sort: sort as ListParams["sort"] })} className={selectClass}>
        {SORT_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
      <span aria-live="polite" className="flex h-10 items-center text-zinc-400">
        {pending ? <Loader2 aria-label="Updating the list" className="size-4 animate-spin" /> : null}
      </span>
    </form>
  );
}

function Select({ id, label, value, onChange, className, children }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-500">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
        {children}
      </select>
    </div>
  );
}
