import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { inboxParamsSchema, tabsFor } from "@/lib/tasks/inbox-query";
import { inboxFor, viewerOf } from "@/lib/tasks/queries";
import { PageHeader } from "@/components/ui/page-header";
import { InboxView } from "@/components/inbox/inbox-view";

export const metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("inbox:use");
  await connectDb();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = inboxParamsSchema.parse(raw);
  const first = await inboxFor(user, params);
  // Opened without a tab: show where the work is, not an empty "Assigned to me".
  if (!raw.tab && params.tab === "mine" && first.counts.mine === 0 && first.counts.available > 0) {
    const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
    query.set("tab", "available");
    redirect(`/inbox?${query}`);
  }
  return (
    <>
      <PageHeader title="Inbox" description="Human steps of running workflows that wait for you or your roles." />
      <InboxView key={JSON.stringify(params)} params={params} first={first} tabs={tabsFor(viewerOf(user))} />
    </>
  );
}
