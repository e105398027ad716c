import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Designer } from "@/components/canvas/designer";
import { requirePagePermission } from "@/lib/auth/session";
import { loadWorkflowForEditor } from "@/lib/workflows/queries";

// One read per request, shared by the title and the page.
const load = cache(async (id: string) => {
  const user = await requirePagePermission("workflows:view");
  return loadWorkflowForEditor(user, id);
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  return { title: data?.name ?? "Workflow" };
}

export default async function WorkflowDesignerPage({ params }: Props) {
  const data = await load((await params).id);
  if (!data) notFound();
  // Keyed by id: another workflow gets a fresh editor; a refresh of this one does not.
  return <Designer key={data.id} data={data} />;
}
