import { requirePagePermission } from "@/lib/auth/session";

// The permission check sits here, above loading.tsx's boundary: a page behind a loading
// skeleton has already answered 200 when it could refuse, so the 403 must come first.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("dashboard:view");
  return children;
}
