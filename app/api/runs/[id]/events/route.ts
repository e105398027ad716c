// A run's events as Server-Sent Events. Each event's id is its seq, so a browser that
// reconnects (EventSource sends Last-Event-ID) resumes exactly after the last one it saw; a
// client may also pass ?after=<seq>. The stream ends after the run's terminal event. Comments
// every 15 s keep proxies from closing an idle stream. followRun reads from the database, so
// this works wherever the run executes.
import { z } from "zod";
import { PermissionError } from "@/lib/auth/errors";
import { requireActionPermission } from "@/lib/auth/session";
import { connectDb } from "@/lib/db/connect";
import { followRun } from "@/lib/runtime/follow";
import { authorizedRun } from "@/lib/runtime/start";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
// A run executing in another process is seen by polling its head (a few reads by _id): every
// 40 ms while it moves keeps delivery p95 near 100 ms; every 100 ms while it waits.
const POLL_MS = 40;
const IDLE_POLL_MS = 100;
const seqSchema = z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }).max(Number.MAX_SAFE_INTEGER);

function refuse(status: number, message: string) {
  return Response.json({ ok: false, message }, { status });
}

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  let actorRunId: string;
  try {
    const actor = await requireActionPermission("workflows:view");
    await connectDb();
    actorRunId = (await authorizedRun(actor, id, "workflow:view")).doc._id;
  } catch (error) {
    if (error instanceof PermissionError) return refuse(error.message.startsWith("Your session") ? 401 : 404, error.message);
    throw error;
  }

  const url = new URL(request.url);
  const resumeFrom = request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? "0";
  const after = seqSchema.safeParse(resumeFrom);
  if (!after.success) return refuse(400, `Last-Event-ID / after ${after.error.issues[0].message} (got "${resumeFrom.slice(0, 40)}").`);

  const encoder = new TextEncoder();
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort());
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      send("retry: 2000\n: connected\n\n");
      heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      try {
        for await (const event of followRun(actorRunId, after.data, { signal: abort.signal, pollMs: POLL_MS, idlePollMs: IDLE_POLL_MS })) {
          send(`id: ${event.seq}\nevent: run\ndata: ${JSON.stringify(event)}\n\n`);
        }
        send("event: end\ndata: {}\n\n");
      } catch (error) {
        if (!abort.signal.aborted) {
          console.error("[runs] event stream failed:", error);
          send(`event: failure\ndata: ${JSON.stringify({ message: "The event stream stopped; reconnecting." })}\n\n`);
        }
      } finally {
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      }
    },
    cancel() {
      clearInterval(heartbeat);
      abort.abort();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
