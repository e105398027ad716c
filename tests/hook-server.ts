// A small real HTTP server that serves only /api/hooks/<id> through the route's handler, for
// tests and the webhook benchmark: lighter than `next start`, the same code path. Run with
// `tsx --conditions=react-server tests/hook-server.ts`; prints "listening <port>" when ready.
//   HOOK_SERVER_PORT  port (default: any free one)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { handleWebhook } from "../lib/triggers/webhook/handle";
import { connectDb } from "../lib/db/connect";

async function main() {
  await connectDb();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const match = /^\/api\/hooks\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
      return;
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    } as RequestInit);
    const response = await handleWebhook(request, decodeURIComponent(match[1]));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(Number(process.env.HOOK_SERVER_PORT ?? 0), "127.0.0.1", resolve));
  console.log(`listening ${(server.address() as AddressInfo).port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
