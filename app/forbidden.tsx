import { ShieldAlert } from "lucide-react";
import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <StatusPage icon={ShieldAlert} code="403" title="You don't have access to this page">
      Your roles do not include this part of Switchyard. If you need it, ask an admin to add the role to your account.
    </StatusPage>
  );
}
