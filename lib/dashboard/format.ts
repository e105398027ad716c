// How dashboard figures read. Pure; shared by the page, the charts and the CSV export.
import type { KpiKey } from "./aggregate";

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const s = ms / 1_000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = s / 60;
  if (m < 60) return `${m < 10 ? m.toFixed(1) : Math.round(m)} min`;
  const h = m / 60;
  if (h < 48) return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

export function formatMoney(dollars: number | null): string {
  if (dollars === null) return "—";
  if (dollars === 0) return "$0";
  if (Math.abs(dollars) < 0.01) return `$${dollars.toFixed(4)}`;
  return `$${dollars.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? "—" : `${(fraction * 100).toFixed(1)} %`;
}

export function formatCount(n: number | null): string {
  return n === null ? "—" : n.toLocaleString("en-US");
}

export const KPI_LABELS: Record<KpiKey, string> = {
  runs: "Runs",
  successRate: "Success rate",
  p50: "Duration p50",
  p95: "Duration p95",
  cost: "AI cost",
  costPerRun: "Cost per run",
  aiCalls: "AI calls",
  humanInterventions: "Human interventions",
  medianApprove: "Median time to approve",
  slaBreaches: "SLA breaches",
};

/** Whether a rise of the figure is good news (green), bad news (red) or neither. */
export const KPI_RISE: Record<KpiKey, "good" | "bad" | "neutral"> = {
  runs: "neutral",
  successRate: "good",
  p50: "bad",
  p95: "bad",
  cost: "bad",
  costPerRun: "bad",
  aiCalls: "neutral",
  humanInterventions: "neutral",
  medianApprove: "bad",
  slaBreaches: "bad",
};

export function formatKpi(key: KpiKey, value: number | null): string {
  switch (key) {
    case "successRate":
      return formatPercent(value);
    case "p50":
    case "p95":
    case "medianApprove":
      return formatDuration(value);
    case "cost":
    case "costPerRun":
      return formatMoney(value);
    default:
      return formatCount(value);
  }
}
