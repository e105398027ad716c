// Open (and finished) approval tasks as the human step stores them, generated in bulk for the
// inbox and scale benchmarks: offered to the approver role, spread over priorities and due dates.
import mongoose from "mongoose";
import { HumanTask } from "../../models/HumanTask";

const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

export async function insertSyntheticTasks(count: number, status: "pending" | "completed", workflows: { id: string; name: string }[], now = Date.now()): Promise<void> {
  const doc = (i: number) => {
    const wf = workflows[i % workflows.length];
    return {
      _id: new mongoose.Types.ObjectId(),
      idempotencyKey: `bench:${status}:${i}`,
      title: `Approve ${100 + (i % 900)} EUR from person${i}@example.com`,
      description: "Expense claim with a receipt attached.\n\nAI category: travel.",
      status,
      candidateRoles: ["approver"],
      candidateUsers: [],
      priority: PRIORITIES[i % 4],
      formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }],
      contextJson: JSON.stringify({ amount: 100 + (i % 900), employee: `person${i}@example.com`, description: "Train to Lyon" }),
      dueAt: new Date(now + ((i % 500) - 50) * 3_600_000),
      executionId: `bench-run-${status}-${i}`,
      workflowId: wf.id,
      workflowName: wf.name,
      nodeId: "manager_approval",
      stepId: "manager_approval#1",
      history: [{ type: "created", at: new Date(now - i * 1000) }],
      version: 0,
      ...(status === "completed" ? { completedBy: "000000000000000000000000", completedAt: new Date(now - i * 1000), result: { decision: "approve" } } : {}),
    };
  };
  for (let i = 0; i < count; i += 1_000) await HumanTask.insertMany(Array.from({ length: Math.min(1_000, count - i) }, (_, j) => doc(i + j)), { ordered: false });
}
