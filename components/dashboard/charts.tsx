"use client";
// The dashboard's charts (recharts). Clicking a day opens the runs behind it.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/dashboard/aggregate";
import { formatDuration, formatMoney, formatPercent } from "@/lib/dashboard/format";
import { dayFilters, filterQuery, type Filters } from "@/lib/dashboard/params";
import { dotsFor } from "@/lib/dashboard/dots";

const COLORS = ["#6366f1", "#14b8a6", "#f59e0b", "#ec4899", "#0ea5e9", "#84cc16", "#a855f7", "#f97316"];
const AXIS = { stroke: "currentColor", fontSize: 11, tickLine: false } as const;
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", border: "1px solid #d4d4d8", borderRadius: 8, fontSize: 12, color: "#18181b" } };

function Panel({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" aria-label={title}>
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">{description}</p>
      <div className="h-56 text-zinc-500 dark:text-zinc-400">{children}</div>
    </section>
  );
}

function useDrill(filters: Filters) {
  const router = useRouter();
  return (state: { activeLabel?: string | number } | null | undefined) => {
    const day = state?.activeLabel;
    if (typeof day === "string") router.push(`/runs?${filterQuery(filters, dayFilters(day))}`);
  };
}

export function DashboardCharts({ series, models, filters }: { series: SeriesPoint[]; models: string[]; filters: Filters }) {
  const drill = useDrill(filters);
  const costRows = series.map((p) => ({ day: p.day, ...Object.fromEntries(p.costByModel.map((m) => [m.model, m.cost])) }));
  const grid = <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />;
  const xAxis = <XAxis dataKey="day" tickFormatter={shortDay} {...AXIS} minTickGap={16} />;

  return (
    <div className="mb-6 grid gap-4 lg:grid-cols-2" data-testid="charts">
      <Panel title="Runs and success rate" description="Runs ended per day by outcome; the line is the share that completed. Click a day for its runs.">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series} onClick={drill} style={{ cursor: "pointer" }}>
            {grid}
            {xAxis}
            <YAxis yAxisId="runs" allowDecimals={false} width={36} {...AXIS} />
            <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={40} {...AXIS} />
            <Tooltip {...tooltipStyle} labelFormatter={(d) => shortDay(String(d))} formatter={(v, name) => (name === "Success rate" ? formatPercent(v as number) : String(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="runs" dataKey="completed" name="Succeeded" stackId="runs" fill="#10b981" isAnimationActive={false} />
            <Bar yAxisId="runs" dataKey="failed" name="Failed" stackId="runs" fill="#ef4444" isAnimationActive={false} />
            <Bar yAxisId="runs" dataKey="cancelled" name="Cancelled" stackId="runs" fill="#a1a1aa" isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="successRate" name="Success rate" stroke="#6366f1" strokeWidth={2} dot={dotsFor(series, (p) => p.successRate)} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Panel>

      <Panel
        title="AI cost by model"
        description={
          models.length === 0
            ? "No AI calls in this period."
            : series.some((p) => p.cost > 0)
              ? "US dollars per day, stacked by provider/model."
              : "The AI calls of this period cost nothing: their models are free (the simulated provider is)."
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={costRows} onClick={drill} style={{ cursor: "pointer" }}>
            {grid}
            {xAxis}
            <YAxis tickFormatter={(v: number) => formatMoney(v)} width={56} {...AXIS} />
            <Tooltip {...tooltipStyle} labelFormatter={(d) => shortDay(String(d))} formatter={(v) => formatMoney(v as number)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {models.map((m, i) => (
              <Bar key={m} dataKey={m} name={m} stackId="cost" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Panel>

      <Panel title="Duration percentiles" description="p50 and p95 of run duration per day (from a log-scale histogram, within 9.1 %).">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} onClick={drill} style={{ cursor: "pointer" }}>
            {grid}
            {xAxis}
            <YAxis scale="log" domain={["auto", "auto"]} allowDataOverflow tickFormatter={(v: number) => formatDuration(v)} width={56} {...AXIS} />
            <Tooltip {...tooltipStyle} labelFormatter={(d) => shortDay(String(d))} formatter={(v) => formatDuration(v as number)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="p50" name="p50" stroke="#14b8a6" strokeWidth={2} dot={dotsFor(series, (p) => p.p50)} connectNulls isAnimationActive={false} />
            <Line dataKey="p95" name="p95" stroke="#f59e0b" strokeWidth={2} dot={dotsFor(series, (p) => p.p95)} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Panel>

      <Panel title="Time to approve" description="Median wait of completed human tasks per day; bars count the tasks and the SLA breaches.">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series} onClick={drill} style={{ cursor: "pointer" }}>
            {grid}
            {xAxis}
            <YAxis yAxisId="n" allowDecimals={false} width={36} {...AXIS} />
            <YAxis yAxisId="t" orientation="right" tickFormatter={(v: number) => formatDuration(v)} width={56} {...AXIS} />
            <Tooltip {...tooltipStyle} labelFormatter={(d) => shortDay(String(d))} formatter={(v, name) => (name === "Median wait" ? formatDuration(v as number) : String(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="n" dataKey="approvals" name="Tasks completed" fill="#a5b4fc" isAnimationActive={false} />
            <Bar yAxisId="n" dataKey="slaBreaches" name="SLA breaches" fill="#f87171" isAnimationActive={false} />
            <Line yAxisId="t" dataKey="medianApprove" name="Median wait" stroke="#6366f1" strokeWidth={2} dot={dotsFor(series, (p) => p.medianApprove)} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Panel>
    </div>
  );
}
