import type { Permission } from "@/lib/auth/roles";

export type NavIcon = "workflows" | "inbox" | "dashboard" | "settings";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
  permission: Permission;
}

/** The app's main sections; each shows only to users holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/workflows", label: "Workflows", icon: "workflows", permission: "workflows:view" },
  { href: "/inbox", label: "Inbox", icon: "inbox", permission: "inbox:use" },
  { href: "/dashboard", label: "Dashboard", icon: "dashboard", permission: "dashboard:view" },
  { href: "/settings", label: "Settings", icon: "settings", permission: "settings:view" },
];
