import { FileQuestion } from "lucide-react";
import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return (
    <StatusPage icon={FileQuestion} code="404" title="Page not found">
      The page does not exist, or you cannot see it.
    </StatusPage>
  );
}
