// CSV export of the dashboard's tables (per-workflow figures, most failing steps) and of the
// runs explorer, with the same filters as the page. Authorized like the page (dashboard:view,
// narrowed to the workflows the user may see); a bad parameter is refused with what was wrong.
import { z } from "zod";
import { PermissionError } from "@/lib/auth/errors";
import { requireActionPermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { toCsv } from "@/lib/dashboard/csv";
import { parseFilters } from "@/lib/dashboard/params";
import { loadDashboard } from "@/lib/dashboard/queries";
import { listEndedRuns } from "@/lib/dashboard/runs";

export const dynamic = "force-dynamic";

const tableSchema = z.enum(["workflows", "steps", "runs"], { error: "table must be workflows, steps or runs" });
/** The most runs one export holds; narrow the filters for more. */
const MAX_EXPORT_RUNS = 50_000;

function refuse(status: number, message: string) {
  return Response.json({ ok: false, message }, { status });
}

export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActionPermission("dashboard:view");
  } catch (error) {
    if (error instanceof PermissionError) return refuse(error.message.startsWith("Your session") ? 401 : 403, error.message);
    throw error;
  }
  await connectDb();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const table = tableSchema.safeParse(params.table);
  if (!table.success) return refuse(400, table.error.issues[0].message);
  const parsed = parseFilters(params);
  if (parsed.notices.length > 0) return refuse(400, parsed.notices.join(" "));
  const { from, to } = parsed.periods.current;

  let csv: string;
  if (table.data === "runs") {
    const page = await listEndedRuns(actor, parsed, { all: true });
    if (page.scope.notices.length > 0) return refuse(404, page.scope.notices.join(" "));
    if (page.total > MAX_EXPORT_RUNS) return refuse(400, `${page.total} runs match; an export holds at most ${MAX_EXPORT_RUNS}. Narrow the range or pick a workflow.`);
    csv = toCsv(
      ["run_id", "workflow", "status", "started_at", "ended_at", "duration_ms", "ai_cost_usd", "ai_calls", "approvals", "failed_step", "error"],
      page.rows.map((r) => [r.id, r.workflowName, r.status, r.startedAt, r.endedAt, r.durationMs, r.cost, r.aiCalls, r.approvals, r.errorNodeId, r.error]),
    );
  } else {
    const { data, scope } = await loadDashboard(actor, parsed);
    if (scope.notices.length > 0) return refuse(404, scope.notices.join(" "));
    csv =
      table.data === "workflows"
        ? toCsv(
            ["workflow_id", "workflow", "runs", "failed", "success_rate", "p95_duration_ms", "ai_cost_usd"],
            data.workflows.map((w) => [w.workflowId, w.name, w.runs, w.failed, w.successRate, w.p95 === null ? null : Math.round(w.p95), w.cost]),
          )
        : toCsv(
            ["workflow_id", "workflow", "step", "failed_runs", "latest_error", "latest_error_at", "latest_run_id"],
            data.failingSteps.map((s) => [s.workflowId, s.workflowName, s.nodeId, s.failures, s.lastMessage, s.lastAt, s.lastRunId]),
          );
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="switchyard-${table.data}-${from}-to-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
