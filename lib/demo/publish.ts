// One demo workflow, made and published once: a later seed finds it by name and creator and
// leaves it as it is (publishing only if it never was), so seeding again is safe and quick.
import type { Actor } from "@/lib/auth/roles";
import { insertWorkflow } from "@/lib/workflows/new-workflow";
import { publishWorkflow } from "@/lib/workflows/service";
import { Workflow } from "@/models/Workflow";

export async function demoWorkflow(owner: Actor, name: string, build: () => Parameters<typeof insertWorkflow>[1]): Promise<string> {
  const existing = await Workflow.findOne({ name, "metadata.creator": owner.id }, { _id: 1, publishedVersion: 1 }).lean();
  const id = existing ? String(existing._id) : await insertWorkflow(owner, build());
  if (!existing?.publishedVersion) {
    const published = await publishWorkflow(owner, { id, notes: "Demo data" });
    if (!published.ok) throw new Error(`Publishing the demo workflow "${name}" failed: ${published.message}`);
  }
  return id;
}
