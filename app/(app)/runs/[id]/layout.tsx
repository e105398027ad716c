import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { canSeeRun } from "@/lib/runtime/queries";

// Checked here, outside the page's loading boundary: once the skeleton has streamed the status
// is 200, so a missing or hidden run must be refused before it to answer a real 404.
export default async function RunLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("workflows:view");
  if (!(await canSeeRun(actor, (await params).id))) notFound();
  return children;
}
