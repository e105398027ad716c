"use client";

import { FilePlus2, Megaphone, Receipt, Siren, type LucideIcon } from "lucide-react";
import type { TemplateSummary } from "@/lib/workflows/contract";
import { cn } from "@/lib/utils";

const ICONS: Record<string, LucideIcon> = {
  "expense-approval": Receipt,
  "content-review": Megaphone,
  "incident-escalation": Siren,
};

export const BLANK = "blank";

const cardClass =
  "flex h-full cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-left text-sm transition-colors hover:border-accent-500 " +
  "has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500/40 " +
  "dark:border-zinc-700 dark:has-[:checked]:bg-accent-500/10";

function CardBody({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: React.ReactNode }) {
  return (
    <>
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-accent-600" />
      <span>
        <span className="block font-medium">{title}</span>
        <span className="mt-0.5 block text-xs text-zinc-500">{children}</span>
      </span>
    </>
  );
}

/** Blank plus the templates as radio cards: arrow keys move between them, like any radio group. */
export function TemplateRadioCards({ templates, value, onChange }: {
  templates: readonly TemplateSummary[];
  value: string;
  onChange: (value: string) => void;
}) {
  const options = [
    { id: BLANK, name: "Blank", description: "A start connected to an end.", icon: FilePlus2 },
    ...templates.map((t) => ({ ...t, description: `${t.description} ${t.nodeCount} steps.`, icon: ICONS[t.id] ?? FilePlus2 })),
  ];
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Start from</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.id} className={cardClass} data-testid={`template-card-${o.id}`}>
            <input type="radio" name="template" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} className="sr-only" />
            <CardBody icon={o.icon} title={o.name}>{o.description}</CardBody>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The templates as buttons that create a workflow at once: the empty list's offer. */
export function TemplateButtons({ templates, onPick, disabled }: {
  templates: readonly TemplateSummary[];
  onPick: (id: string) => void;
  disabled?: boolean;
}) {
  return (
    <div className="grid gap-3 text-left sm:grid-cols-3">
      {templates.map((t) => (
        <button
          key={t.id}
          type="button"
          disabled={disabled}
          onClick={() => onPick(t.id)}
          className={cn(cardClass, "bg-white disabled:cursor-wait disabled:opacity-60 dark:bg-zinc-900")}
          aria-label={`Start from the ${t.name} template`}
        >
          <CardBody icon={ICONS[t.id] ?? FilePlus2} title={t.name}>{t.description}</CardBody>
        </button>
      ))}
    </div>
  );
}
