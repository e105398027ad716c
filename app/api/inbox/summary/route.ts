// The navigation badge (tasks waiting for me) and the notification bell (unread count, latest
// notifications), polled by the app shell every 10 s.
import { PermissionError } from "@/lib/auth/errors";
import { requireActionPermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { inboxSummary } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const user = await requireActionPermission("inbox:use");
    await connectDb();
    return Response.json(await inboxSummary(user), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof PermissionError) return Response.json({ ok: false, message: error.message }, { status: error.message.startsWith("Your session") ? 401 : 403 });
    console.error("[inbox] summary failed:", error);
    return Response.json({ ok: false, message: "The inbox summary could not be read." }, { status: 500 });
  }
}
