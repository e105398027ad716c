import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { canSeeWorkflow } from "@/lib/workflows/queries";

// Checked here, outside every loading boundary (the list's skeleton lives in the (list) route
// group for that reason): once a skeleton has streamed the status is 200, so a missing or hidden
// workflow must be refused before it to answer a real 404 — for the canvas and its runs alike.
export default async function WorkflowLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("workflows:view");
  if (!(await canSeeWorkflow(actor, (await params).id))) notFound();
  return children;
}
