// The production server `npm start` runs: Next.js behind a plain Node HTTP server, so every
// request carries the socket's peer address in a header the client cannot set (the client's
// own value is replaced). Next.js does not give route handlers or server actions the socket;
// lib/auth/client-ip.ts reads this header only when SWITCHYARD_PEER_HEADER=1, set here.
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-switchyard-peer"; // the same name as in lib/auth/client-ip.ts

process.env.NODE_ENV ??= "production";
process.env.SWITCHYARD_PEER_HEADER = "1";
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error("[server] request failed:", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "Something went wrong on the server." }));
  });
}).listen(port, () => {
  console.log(`▲ Switchyard listening on http://localhost:${port}`);
});
