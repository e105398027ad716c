import Link from "next/link";
import type { LucideIcon } from "lucide-react";

export function StatusPage({ icon: Icon, code, title, children }: { icon: LucideIcon; code: string; title: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <Icon aria-hidden className="mb-4 size-10 text-zinc-400" />
      <p className="text-sm font-semibold text-accent-600">{code}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
      <Link href="/" className="mt-6 text-sm font-medium text-accent-600 hover:underline">
        Go to your start page
      </Link>
    </div>
  );
}
