"use client";
// Settings → Variables: the list refreshes through the server page after a change.
import { useRouter } from "next/navigation";
import type { VariableRow } from "@/lib/variables/kinds";
import { VariablesList } from "./variables-list";

export function GlobalVariables({ rows }: { rows: VariableRow[] }) {
  const router = useRouter();
  return <VariablesList workflowId={null} rows={rows} canEdit onChanged={() => router.refresh()} />;
}
