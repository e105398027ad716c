import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { delegateCandidates, taskView } from "@/lib/tasks/queries";
import { TaskDetail } from "@/components/inbox/task-detail";

export const metadata = { title: "Task" };

export default async function TaskPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ action?: string }> }) {
  const user = await requirePagePermission("inbox:use");
  await connectDb();
  const { id } = await params;
  const view = await taskView(user, id);
  if (!view) notFound(); // missing and not visible look the same
  const { action } = await searchParams;
  const people = view.may.delegate ? await delegateCandidates(user) : [];
  return <TaskDetail view={view} people={people} initialAction={action === "reject" || action === "approve" ? action : null} />;
}
