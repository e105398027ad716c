import { ArrowLeft, CheckCircle2, XCircle } from "lucide-react";
import Link from "next/link";
import type { TaskView } from "@/lib/tasks/queries";
import { ValueView, humanize } from "./context-view";
import { Countdown } from "./countdown";
import { PriorityBadge, TaskStatusBadge } from "./priority-badge";
import { TaskAssignment } from "./task-assignment";
import { TaskComments } from "./task-comments";
import { TaskDecisionForm } from "./task-decision-form";
import { TaskHistory } from "./task-history";
import { formatMoment } from "@/lib/format/run-format";

function Card({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-zinc-500">{title}</h2>
      {children}
    </section>
  );
}

function Outcome({ view }: { view: TaskView }) {
  if (view.status === "cancelled") return <p className="text-sm">This task was cancelled: its run stopped waiting for it.</p>;
  const r = view.result!;
  const approved = r.decision === "approve";
  const Icon = approved ? CheckCircle2 : XCircle;
  return (
    <div data-testid="task-outcome" className="space-y-2 text-sm">
      <p className="flex items-center gap-2 font-medium">
        <Icon aria-hidden className={approved ? "size-5 text-emerald-600" : "size-5 text-red-600"} />
        {approved ? "Approved" : "Rejected"} by {r.byName} · {formatMoment(r.at)}
      </p>
      {r.comment && <p className="whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">“{r.comment}”</p>}
      {Object.values(r.values ?? {}).some((v) => v !== null && v !== "") && <ValueView value={r.values} people={view.people} />}
    </div>
  );
}

export function TaskDetail({ view, people, initialAction }: { view: TaskView; people: { id: string; name: string; email: string }[]; initialAction: "approve" | "reject" | null }) {
  const open = ["pending", "in_progress", "overdue"].includes(view.status);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/inbox" className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
          <ArrowLeft aria-hidden className="size-4" /> Inbox
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="task-title">
            {view.title}
          </h1>
          <div className="flex items-center gap-2">
            <PriorityBadge priority={view.priority} />
            <TaskStatusBadge status={view.status} />
          </div>
        </div>
        {open && (
          <p className="mt-1 text-sm">
            <Countdown dueAt={view.dueAt} />
          </p>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          {view.description && (
            <Card title="What this is about">
              <p className="whitespace-pre-wrap text-sm leading-relaxed">{view.description}</p>
            </Card>
          )}
          <Card title={open ? "Your decision" : "Outcome"} testId="decision-card">
            {open && view.may.decide ? (
              <TaskDecisionForm taskId={view.id} fields={view.formFields} initialAction={initialAction} />
            ) : open ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{view.assignee ? `${view.assignee.name} holds this task.` : "Claim this task to decide on it."}</p>
            ) : (
              <Outcome view={view} />
            )}
          </Card>
          <Card title="Data from the run">
            <div className="space-y-4 text-sm">
              {view.run.input !== null && (
                <div>
                  <h3 className="mb-2 font-medium">Run input</h3>
                  <ValueView value={view.run.input} people={view.people} />
                </div>
              )}
              {view.context !== null && JSON.stringify(view.context) !== JSON.stringify(view.run.input) && (
                <div>
                  <h3 className="mb-2 font-medium">What this step received</h3>
                  <ValueView value={view.context} people={view.people} />
                </div>
              )}
              {view.run.input === null && view.context === null && <p className="text-zinc-500">This step received no data.</p>}
            </div>
          </Card>
          <Card title="Comments">
            <TaskComments taskId={view.id} comments={view.comments} withBox={!(open && view.may.decide)} />
          </Card>
        </div>

        <aside className="space-y-6">
          <Card title="Details">
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-zinc-500">Workflow</dt>
                <dd className="font-medium">{view.run.workflowName}</dd>
              </div>
              <div>
                <dt className="text-zinc-500">Run</dt>
                <dd>
                  <Link href={`/runs/${view.run.id}`} className="font-mono text-xs text-accent-700 hover:underline dark:text-accent-100" data-testid="run-link">
                    {view.run.id}
                  </Link>{" "}
                  <span className="text-xs text-zinc-500">({view.run.status})</span>
                </dd>
              </div>
              <div>
                <dt className="text-zinc-500">Step</dt>
                <dd>{view.stepTitle ?? humanize(view.nodeId)}</dd>
              </div>
              <div>
                <dt className="text-zinc-500">Started by</dt>
                <dd>
                  {view.run.startedBy ?? "a trigger"}
                  {view.run.startedAt && <span className="text-zinc-500"> · {formatMoment(view.run.startedAt)}</span>}
                </dd>
              </div>
              <div>
                <dt className="text-zinc-500">Due</dt>
                <dd>{view.dueAt ? formatMoment(view.dueAt) : "No due date"}</dd>
              </div>
            </dl>
          </Card>
          {open && (
            <Card title="Assignment">
              <TaskAssignment view={view} people={people} />
            </Card>
          )}
          <Card title="History">
            <TaskHistory history={view.history} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
