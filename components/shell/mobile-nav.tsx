"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import type { NavItem } from "@/components/shell/nav-items";
import { Logo } from "@/components/shell/logo";
import { Sidebar } from "@/components/shell/sidebar";

/** Below the md breakpoint the sidebar lives in a drawer opened from the header's menu button. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="rounded-md p-2 hover:bg-zinc-100 md:hidden dark:hover:bg-zinc-800" aria-label="Open navigation" data-testid="mobile-nav-open">
        <Menu aria-hidden className="size-5" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 md:hidden" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl md:hidden dark:bg-zinc-900" aria-describedby={undefined}>
          <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-5 dark:border-zinc-800">
            <Dialog.Title asChild>
              <span>
                <Logo />
                <span className="sr-only">Navigation</span>
              </span>
            </Dialog.Title>
            <Dialog.Close className="rounded-md p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label="Close navigation">
              <X aria-hidden className="size-4" />
            </Dialog.Close>
          </div>
          {/* A click on a link closes the drawer; the route changes behind it. */}
          <div onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}>
            <Sidebar items={items} label="Main (drawer)" />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
