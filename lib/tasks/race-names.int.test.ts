// The loser of a race on a task is told who won and when, in words, against the real database:
// two approvers deciding at once, two people claiming at once, and a winner who has since left.
import { beforeAll, describe, expect, it } from "vitest";
import type { HumanTaskRequest } from "@/lib/runtime/services";
import { HumanTask } from "@/models/HumanTask";
import { TaskChange } from "@/models/TaskChange";
import { TaskClosure } from "@/models/TaskClosure";
import { User } from "@/models/User";
import type { TaskActor } from "./access";
import { claimTask } from "./assign";
import { closeTaskOnce } from "./closure";
import { completeTask } from "./complete";
import { createTaskForStep } from "./create";
import { decideTask } from "./decide";

type Person = TaskActor & { email: string; name: string };
let avery: Person;
let blake: Person;
const MOMENT = String.raw`\(\d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d UTC\)`;

async function person(email: string, name: string): Promise<Person> {
  const u = await User.create({ email, name, passwordHash: "x", roles: ["approver"] });
  return { id: String(u._id), email, name, roles: ["approver"], active: true };
}

let n = 0;
function request(): HumanTaskRequest {
  n += 1;
  return {
    idempotencyKey: `race-${n}:review#1:1`,
    runId: `race-${n}`,
    workflowId: "000000000000000000000fff",
    nodeId: "review",
    stepId: "review#1",
    title: `Approve expense ${n}`,
    description: "",
    assignee: null,
    candidateRoles: ["approver"],
    candidateUsers: [],
    priority: "medium",
    formFields: [],
    contextData: {},
    dueAt: null,
    escalation: null,
  };
}

describe("the loser of a race is told who won and when (real database)", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init(), TaskChange.init(), TaskClosure.init()]);
    avery = await person("avery.race@example.com", "Avery Approver");
    blake = await person("blake.race@example.com", "Blake Approver");
  });

  it("two approvers decide at once: the loser reads the winner's name, decision and time", async () => {
    const { taskId } = await createTaskForStep(request());
    const [a, b] = await Promise.all([decideTask(avery, taskId, { decision: "approve" }, null), decideTask(blake, taskId, { decision: "reject", comment: "Too dear" }, null)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const stored = await HumanTask.findById(taskId).lean();
    const [winner, verb, loser] = stored!.completedBy === avery.id ? [avery, "approved", b] : [blake, "rejected", a];
    expect(loser).toMatchObject({ ok: false, code: "closed" });
    expect(loser.message).toMatch(new RegExp(`^${winner.name} ${verb} this task just now ${MOMENT}\\. Nothing was changed\\.$`));
    expect(loser.message).not.toContain(winner.id);
  });

  it("two people claim at once: the loser reads who holds it and since when", async () => {
    const { taskId } = await createTaskForStep(request());
    const [a, b] = await Promise.all([claimTask(avery, taskId, null), claimTask(blake, taskId, null)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const holder = (await HumanTask.findById(taskId).lean())!.assignee === avery.id ? avery : blake;
    const loser = holder === avery ? b : a;
    expect(loser.message).toMatch(
      new RegExp(`^${holder.name} (claimed this task just now ${MOMENT}, so your claim was not applied|holds this task \\(claimed just now, .+ UTC\\)\\. Nothing was changed)\\.?$`),
    );
    // Deciding on a task someone else holds says the same, in words.
    const other = holder === avery ? blake : avery;
    expect(await decideTask(other, taskId, { decision: "approve" }, null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(new RegExp(`^${holder.name} holds this task \\(claimed just now, .+ UTC\\)\\. Nothing was changed\\.$`)),
    });
  });

  it("a winner recorded without a name who has since been deactivated reads as a former user", async () => {
    const leaver = await User.create({ email: "leaver.race@example.com", name: "Lee Leaver", passwordHash: "x", roles: ["approver"] });
    const { taskId } = await createTaskForStep(request());
    const task = await HumanTask.findById(taskId).lean();
    const at = new Date(Date.now() - 3 * 60_000);
    // A closure written before names were kept with it: only the id.
    expect(await closeTaskOnce(task!._id, { kind: "completed", runId: task!.executionId, stepId: task!.stepId, output: { decision: "approve", by: String(leaver._id) }, by: String(leaver._id), at })).toBe(true);
    await User.updateOne({ _id: leaver._id }, { $set: { active: false } });
    const late = await completeTask(avery, taskId, { decision: "reject" }, async () => {});
    expect(late).toMatchObject({ ok: false, code: "closed", message: expect.stringMatching(new RegExp(`^A former user approved this task 3 minutes ago ${MOMENT}\\. Nothing was changed\\.$`)) });
    expect((await claimTask(blake, taskId, null)).message).toMatch(new RegExp(`^A former user approved this task 3 minutes ago ${MOMENT}\\. Nothing was changed\\.$`));
  });
});
