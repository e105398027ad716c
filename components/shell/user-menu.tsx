"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { Check, ChevronDown, LogOut, Monitor, Moon, Sun, UserCog } from "lucide-react";
import { chooseTheme, isThemeChoice, type ThemeChoice } from "@/lib/theme/theme";
import { useThemeChoice } from "@/lib/theme/use-theme";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

const THEME_ITEMS: { value: ThemeChoice; label: string; Icon: typeof Sun }[] = [
  { value: "system", label: "Like the system", Icon: Monitor },
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
];

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function UserMenu({ name, email, roles }: { name: string; email: string; roles: Role[] }) {
  const theme = useThemeChoice();
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label={`Account menu for ${name}`}
        data-testid="user-menu"
      >
        <span className="flex size-7 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white">
          {initials}
        </span>
        <span className="hidden font-medium sm:inline">{name}</span>
        <ChevronDown aria-hidden className="size-4 text-zinc-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="px-3 py-2">
            <p className="text-sm font-medium">{name}</p>
            <p className="text-xs text-zinc-500">{email}</p>
            <p className="mt-1 text-xs text-zinc-500">{roles.map((r) => ROLE_LABELS[r]).join(", ")}</p>
          </div>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/settings/account" data-testid="user-menu-account">
              <UserCog aria-hidden className="size-4" />
              Your account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Label className="px-3 pt-1 pb-0.5 text-xs font-medium text-zinc-500">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={theme} onValueChange={(value) => isThemeChoice(value) && chooseTheme(value)}>
            {THEME_ITEMS.map(({ value, label, Icon }) => (
              <DropdownMenu.RadioItem key={value} value={value} className={ITEM} onSelect={(e) => e.preventDefault()} data-testid={`theme-${value}`}>
                <Icon aria-hidden className="size-4" />
                <span className="flex-1">{label}</span>
                <DropdownMenu.ItemIndicator>
                  <Check aria-hidden className="size-4" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item
            onSelect={() => signOut({ callbackUrl: "/login?reason=signed-out-by-user" })}
            className={ITEM}
          >
            <LogOut aria-hidden className="size-4" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
