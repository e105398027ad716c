// A page of the inbox list as JSON, for the virtualised list's further pages and its refresh
// every few seconds: the same search params as /inbox, plus offset and limit.
import { z } from "zod";
import { PermissionError } from "@/lib/auth/errors";
import { requireActionPermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { inboxParamsSchema } from "@/lib/tasks/inbox-query";
import { inboxFor, PAGE_SIZE } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

const rangeSchema = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).catch(PAGE_SIZE).default(PAGE_SIZE),
});

export async function GET(request: Request) {
  try {
    const user = await requireActionPermission("inbox:use");
    await connectDb();
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const params = inboxParamsSchema.parse(search);
    const { offset, limit } = rangeSchema.parse(search);
    return Response.json(await inboxFor(user, params, offset, limit), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof PermissionError) return Response.json({ ok: false, message: error.message }, { status: error.message.startsWith("Your session") ? 401 : 403 });
    console.error("[inbox] list failed:", error);
    return Response.json({ ok: false, message: "The inbox could not be read." }, { status: 500 });
  }
}
