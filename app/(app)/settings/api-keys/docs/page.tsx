import Link from "next/link";
import { headers } from "next/headers";
import { ChevronLeft } from "lucide-react";
import { requirePagePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ApiReference } from "@/components/settings/api-reference";

export const metadata = { title: "REST API reference" };

export default async function ApiDocsPage() {
  await requirePagePermission("settings:view");
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <>
      <Link href="/settings/api-keys" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        <ChevronLeft aria-hidden className="size-4" /> API keys
      </Link>
      <PageHeader
        title="REST API reference"
        description="Every endpoint of /api/v1, generated from the schemas the server checks requests with. The same description as OpenAPI 3.1 is at /api/v1/openapi.json."
      />
      <ApiReference origin={origin} />
    </>
  );
}
