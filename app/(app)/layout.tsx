import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { MobileNav } from "@/components/shell/mobile-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { Logo } from "@/components/shell/logo";
import { NotificationBell } from "@/components/shell/notification-bell";
import { QueryProvider } from "@/components/shell/query-provider";
import { ChangePasswordBanner } from "@/components/shell/change-password-banner";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const items = NAV_ITEMS.filter((item) => can(user, item.permission));
  return (
    <QueryProvider>
      <div className="flex min-h-screen">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 dark:bg-zinc-900"
        >
          Skip to content
        </a>
        <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white md:flex dark:border-zinc-800 dark:bg-zinc-900">
          <Link href="/" className="flex h-14 items-center border-b border-zinc-200 px-5 dark:border-zinc-800">
            <Logo />
          </Link>
          <Sidebar items={items} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white px-4 sm:px-6 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex items-center gap-2 md:hidden">
              <MobileNav items={items} />
              <Link href="/" aria-label="Switchyard home">
                <Logo />
              </Link>
            </div>
            <div className="ml-auto flex items-center gap-2">
              {can(user, "inbox:use") && <NotificationBell />}
              <UserMenu name={user.name} email={user.email} roles={[...user.roles]} />
            </div>
          </header>
          {user.mustChangePassword && <ChangePasswordBanner />}
          <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8">
            <div className="mx-auto max-w-6xl">{children}</div>
          </main>
        </div>
      </div>
    </QueryProvider>
  );
}
