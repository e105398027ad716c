// Demo data from real runs (npm run seed:demo -- --runs N): the three templates and an invoice
// check, published by the demo designer, run N times through the real engine (the simulated AI
// provider, the real executors, a worker in this process) with inputs drawn at random, spread
// over the last `days` days with the run clock (lib/runtime/clock.ts). A scripted approver
// completes each human task through completeTask after a plausible wait. Nothing is written to
// the dashboard directly: its figures are the roll-ups of these runs.
import type { Actor } from "@/lib/auth/roles";
import { resetRunClock, runClock } from "@/lib/runtime/clock";
import { serviceProviders } from "@/lib/runtime/providers";
import { startRunFor } from "@/lib/runtime/start";
import { Worker } from "@/lib/runtime/worker";
import { foldAll } from "@/lib/rollups/fold";
import { getTemplate } from "@/lib/workflows/templates";
import type { HumanTaskDoc } from "@/models/HumanTask";
import { INVOICE_CHECK_NAME, invoiceCheckGraph } from "./invoice-check";
import { demoWorkflow } from "./publish";
import { simulate, type ScriptedApprover } from "./scripted-run";
import { seedDemoAgent } from "./seed-agent";

export interface DemoPeople {
  admin: Actor;
  designer: Actor;
  manager: Actor;
  approver: Actor;
  emails: string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Waits that look like people's: mostly minutes to hours, now and then days (logarithmic spread). */
function humanWait(rand: () => number, minMs: number, maxMs: number): number {
  return Math.round(Math.exp(Math.log(minMs) + rand() * (Math.log(maxMs) - Math.log(minMs))));
}

type Kind = "expense" | "content" | "incident" | "invoice";

function inputFor(kind: Kind, rand: () => number, people: DemoPeople, nth: number): unknown {
  switch (kind) {
    case "expense":
      return {
        employee: pick(rand, people.emails),
        amount: Math.round(humanWait(rand, 15, 4_000) * 100) / 100,
        currency: pick(rand, ["EUR", "USD", "GBP"]),
        description: pick(rand, ["Train to the Lyon client visit", "Team lunch after the launch", "A second monitor", "Design tool licence", "Conference ticket", "Taxi from the airport"]),
      };
    case "content":
      return { topic: pick(rand, ["solar panels for homeowners", "our new billing page", "remote onboarding", "quarterly security review"]), audience: pick(rand, ["customers", "partners", "staff"]), requester: pick(rand, people.emails) };
    case "incident":
      return { title: pick(rand, ["Checkout errors", "Slow search", "Login failures", "Webhook backlog"]), severity: 1 + Math.floor(rand() * 4), service: pick(rand, ["payments", "search", "auth", "api"]), details: "Reported by monitoring." };
    case "invoice": {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.round(rand() * 50_000) / 100);
      const sum = Math.round(lines.reduce((a, b) => a + b, 0) * 100) / 100;
      // One invoice in five has a total that does not match its lines: that run fails.
      const total = nth % 5 === 2 ? Math.round((sum + 1 + rand() * 90) * 100) / 100 : sum;
      return { vendor: pick(rand, ["Acme Supplies", "Northwind", "Globex", "Initech"]), lines: lines.map((l) => l.toFixed(2)).join(", "), total };
    }
  }
}

function approverFor(people: DemoPeople, rand: () => number): ScriptedApprover {
  return {
    actorFor: (task) => (task.candidateRoles.includes("manager") ? people.manager : people.approver),
    answer: (task: HumanTaskDoc) => {
      const values: Record<string, unknown> = {};
      for (const f of task.formFields ?? []) {
        if (f.kind === "number") values[f.name] = f.min ?? 1;
        else if (f.kind === "select") values[f.name] = f.options?.[0];
        else if (f.kind === "checkbox") values[f.name] = true;
        else if (f.kind === "date") values[f.name] = new Date(runClock.now()).toISOString().slice(0, 10);
        else if (f.required) values[f.name] = "Checked against the request and the team's guidelines; fine to go ahead as described.";
      }
      return { decision: rand() < 0.82 ? "approve" : "reject", values };
    },
    // Incident acknowledgements are fast, managers slower; never past the real present.
    waitMs: (task) => {
      const wait = task.priority === "urgent" ? humanWait(rand, 2 * MINUTE, 3 * HOUR) : humanWait(rand, 10 * MINUTE, 4 * DAY);
      return Math.max(1_000, Math.min(wait, Date.now() - runClock.now() - MINUTE));
    },
  };
}

export interface SeedRunsOptions {
  runs: number;
  days: number;
  seed?: number;
  log?: (line: string) => void;
}

export async function seedDemoRuns(people: DemoPeople, options: SeedRunsOptions): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  let s = (options.seed ?? 20261122) >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const workflows: Record<Kind, string> = {
    expense: await demoWorkflow(people.designer, "Expense approval", () => ({ ...templateInput("expense-approval") })),
    content: await demoWorkflow(people.designer, "Content review", () => ({ ...templateInput("content-review") })),
    incident: await demoWorkflow(people.designer, "Incident escalation", () => ({ ...templateInput("incident-escalation") })),
    invoice: await demoWorkflow(people.designer, INVOICE_CHECK_NAME, () => ({ name: INVOICE_CHECK_NAME, description: "Checks that an invoice's lines add up to its total, then notes it for accounts payable.", tags: ["finance", "demo"], graph: invoiceCheckGraph() })),
  };
  await seedDemoAgent(people);
  // The mix, in a fixed order so a given --runs always gives the same runs (and failures).
  const kinds: Kind[] = ["expense", "invoice", "expense", "content", "invoice", "expense", "incident"];
  const now = Date.now();
  const span = options.days * DAY;
  // When each run starts: uniform over the span, a little busier on recent days, oldest first.
  const starts = Array.from({ length: options.runs }, () => now - span * Math.pow(rand(), 1.3) - 2 * HOUR).sort((a, b) => a - b);
  const worker = new Worker({ providers: serviceProviders, config: { concurrency: 8, pollMs: 20 }, sweepMs: 0, log: () => {} }).start();
  const approver = approverFor(people, rand);
  const statuses: Record<string, number> = {};
  const counts: Partial<Record<Kind, number>> = {};
  try {
    const scheduled = starts.map((at, j) => ({
      at,
      start: async () => {
        const kind = kinds[j % kinds.length];
        const nth = (counts[kind] = (counts[kind] ?? 0) + 1);
        const started = await startRunFor(people.designer, { workflowId: workflows[kind], mode: "published", input: inputFor(kind, rand, people, nth) });
        if (!started.ok) throw new Error(`Starting a ${kind} run failed: ${started.message}`);
        return started.runId;
      },
    }));
    const ended = await simulate(scheduled, approver, { timeoutMs: Math.max(600_000, options.runs * 10_000), onEnd: (n) => n % 10 === 0 && log(`${n} of ${starts.length} runs done`) });
    for (const status of ended) statuses[status] = (statuses[status] ?? 0) + 1;
  } finally {
    resetRunClock();
    await worker.stop(2_000);
  }
  await foldAll();
  return statuses;
}

function templateInput(id: string) {
  const t = getTemplate(id);
  if (!t) throw new Error(`No template ${id}`);
  const { settings, ...graph } = t.build();
  return { name: t.name, description: t.description, tags: t.tags, category: t.category, graph, ...(settings ? { settings } : {}) };
}
