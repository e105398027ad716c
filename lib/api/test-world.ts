// A small workspace for the API's integration tests: people in every relation to two
// workflows, a key for each, and a revoked, an expired and a deactivated owner's key.
// Test-only, kept out of *.test.ts so several test files can share it.
import type { Role } from "@/lib/auth/roles";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { exampleConfig } from "@/lib/engine/test-graphs";
import { e, endNode, n, startNode, storeWorkflow, testWorker } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { credentialsProvider } from "@/lib/credentials/runtime";
import { humanExecutor } from "@/lib/nodes/human/executor";
import { notificationsService } from "@/lib/notifications/send";
import { tasksService } from "@/lib/tasks/create";
import { publishWorkflow } from "@/lib/workflows/service";
import { ApiKey } from "@/models/ApiKey";
import { EventLog } from "@/models/EventLog";
import { HumanTask } from "@/models/HumanTask";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { WorkflowVersion } from "@/models/WorkflowVersion";

export interface Person {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  key: string;
  keyId: string;
}

async function person(email: string, roles: Role[]): Promise<Person> {
  const user = await User.create({ email, name: email.split("@")[0], passwordHash: "x", roles, active: true });
  const base = { id: String(user._id), email, name: user.name, roles, active: true };
  const created = await createApiKey(base, { name: `${email} key`, expiresIn: "30" });
  if (!created.ok) throw new Error(created.message);
  return { ...base, key: created.key, keyId: created.view.id };
}

async function extraKey(owner: Person, name: string) {
  const created = await createApiKey(owner, { name, expiresIn: "never" });
  if (!created.ok) throw new Error(created.message);
  return created;
}

export interface World {
  owner: Person;
  /** An editor of both workflows. */
  editor: Person;
  other: Person;
  viewer: Person;
  admin: Person;
  approver: Person;
  /** An editor of both workflows whose account is deactivated after the key was made. */
  gone: Person;
  revokedKey: string;
  expiredKey: string;
  /** Published; takes a required number `amount`. */
  simple: string;
  /** A draft that waits on a task for `approver`; never published. */
  human: string;
  worker: Worker;
}

export async function buildWorld(): Promise<World> {
  await Promise.all([ApiKey.init(), User.init(), Workflow.init(), WorkflowVersion.init(), WorkflowExecution.init(), HumanTask.init(), EventLog.init()]);
  const [owner, editor, other, viewer, admin, approver, gone] = await Promise.all([
    person("owner@api.test", ["designer"]),
    person("editor@api.test", ["designer"]),
    person("other@api.test", ["designer"]),
    person("viewer@api.test", ["designer"]),
    person("admin@api.test", ["admin"]),
    person("approver@api.test", ["approver"]),
    person("gone@api.test", ["designer"]),
  ]);
  const revoked = await extraKey(owner, "revoked");
  await revokeApiKey(owner, revoked.view.id);
  const expired = await extraKey(owner, "expired");
  await ApiKey.updateOne({ publicId: expired.view.id }, { $set: { expiresAt: new Date(Date.now() - 1_000) } });

  const share = { editors: [editor.id, gone.id], viewers: [viewer.id] };
  const simple = await storeWorkflow(
    owner,
    { nodes: [startNode([{ name: "amount", label: "Amount", type: "number", required: true }]), endNode("end", [{ key: "doubled", expression: "amount * 2" }])], edges: [e("start", "end")] },
    {},
    share,
  );
  const published = await publishWorkflow(owner, { id: simple, notes: "v1" });
  if (!published.ok) throw new Error(published.message);

  const review = n("review", "human", { ...exampleConfig("human"), titleTemplate: "Review the request", candidateRoles: [], candidateUsers: [approver.email] }, "Review");
  const human = await storeWorkflow(owner, { nodes: [startNode(), review, endNode()], edges: [e("start", "review"), e("review", "end", "approve"), e("review", "end", "reject")] }, {}, share);

  await User.updateOne({ _id: gone.id }, { $set: { active: false } });
  const worker = testWorker({ executors: { human: humanExecutor }, providers: { credentials: credentialsProvider, tasks: tasksService, notifications: notificationsService } });
  return { owner, editor, other, viewer, admin, approver, gone, revokedKey: revoked.key, expiredKey: expired.key, simple, human, worker };
}
