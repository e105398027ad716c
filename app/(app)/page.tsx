import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { NAV_ITEMS } from "@/components/shell/nav-items";

/** Home sends each person to the first section their roles open. */
export default async function Home() {
  const user = await requireSignedIn();
  const first = NAV_ITEMS.find((item) => can(user, item.permission));
  redirect(first?.href ?? "/settings");
}
