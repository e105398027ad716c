import { Badge } from "@/components/ui/badge";
import type { WorkflowStatus } from "@/lib/workflows/contract";

const LOOK: Record<WorkflowStatus, { label: string; tone: "neutral" | "accent" | "green" }> = {
  draft: { label: "Draft", tone: "accent" },
  active: { label: "Active", tone: "green" },
  archived: { label: "Archived", tone: "neutral" },
};

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  const { label, tone } = LOOK[status] ?? LOOK.draft;
  return <Badge tone={tone}>{label}</Badge>;
}
