// Where each person lands after signing in: the place their work is. Designers (and admins)
// build workflows, managers watch the dashboard, approvers work the inbox. Pure, so it is unit
// tested and shared by the home page.
import type { Actor } from "./roles";

const BY_ROLE: readonly { role: Actor["roles"][number]; href: string }[] = [
  { role: "designer", href: "/workflows" },
  { role: "admin", href: "/workflows" },
  { role: "manager", href: "/dashboard" },
  { role: "approver", href: "/inbox" },
];

/** The first landing of the actor's roles in the order above; "/settings" for an actor with none. */
export function landingFor(actor: Actor): string {
  return BY_ROLE.find(({ role }) => actor.roles.includes(role))?.href ?? "/settings";
}
