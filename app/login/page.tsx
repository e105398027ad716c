import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/shell/logo";

export const metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  deactivated: "Your account has been deactivated, so you were signed out. Ask an admin if this is a mistake.",
  "signed-out": "Your session has ended. Sign in again to continue.",
  "signed-out-by-user": "You have signed out.",
  "password-changed": "Your password was changed, so you were signed out here. Sign in with the new password.",
};

/** Only same-site paths, so the sign-in page cannot be used to bounce people elsewhere. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  // "//host" and "/\\host" would leave the site (browsers read a backslash as a slash).
  return v && v.startsWith("/") && !v.startsWith("//") && !v.includes("\\") ? v : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="text-xl" />
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Design, run and approve your workflows.</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="mb-5 text-lg font-semibold">Sign in</h1>
          {reason && (
            <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">
              {reason}
            </p>
          )}
          <LoginForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
