import Link from "next/link";
import { cn } from "@/lib/utils";
import type { Kpi, KpiKey } from "@/lib/dashboard/aggregate";
import { formatKpi, KPI_LABELS, KPI_RISE } from "@/lib/dashboard/format";
import { filterQuery, type Filters } from "@/lib/dashboard/params";
import { formatChange } from "@/lib/dashboard/periods";

/** The runs a KPI is made of: failed runs behind the success rate, all ended runs otherwise. */
const DRILL: Partial<Record<KpiKey, Partial<Filters>>> = { successRate: { status: "failed" } };

function tone(kpi: Kpi): string {
  if (!kpi.change || Math.abs(kpi.change.value) < 1e-9) return "text-zinc-500";
  const rise = KPI_RISE[kpi.key];
  if (rise === "neutral") return "text-zinc-600 dark:text-zinc-400";
  const good = (kpi.change.value > 0) === (rise === "good");
  return good ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400";
}

export function KpiCards({ kpis, filters, previousLabel }: { kpis: Kpi[]; filters: Filters; previousLabel: string }) {
  return (
    <ul className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Key figures">
      {kpis.map((kpi) => (
        <li key={kpi.key}>
          <Link
            href={`/runs?${filterQuery(filters, { page: 1, ...DRILL[kpi.key] })}`}
            data-testid={`kpi-${kpi.key}`}
            className="block h-full rounded-xl border border-zinc-200 bg-white p-4 transition-colors hover:border-accent-500 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">{KPI_LABELS[kpi.key]}</span>
            <span className="mt-1 block text-2xl font-semibold tabular-nums" data-testid="kpi-value">
              {formatKpi(kpi.key, kpi.value)}
            </span>
            <span className={cn("mt-1 block text-xs tabular-nums", tone(kpi))} title={`Previous period (${previousLabel}): ${formatKpi(kpi.key, kpi.previous)}`}>
              {kpi.change ? (
                <>
                  {formatChange(kpi.change)}
                  <span className="text-zinc-500"> vs previous period</span>
                </>
              ) : kpi.previous === null ? (
                "no earlier period to compare"
              ) : (
                `previous: ${formatKpi(kpi.key, kpi.previous)}`
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
