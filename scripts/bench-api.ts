// The REST API's cost per request on the embedded database: `npm run bench:api`.
// A fresh FerretDB (like the integration tests), 1,000 API keys of other people in api_keys,
// then the route handlers called in-process with real Requests (no HTTP server, so the figures
// are the API's own work: key lookup by _id, the owner read by _id, the rights check, the
// service): GET /workflows/{id}, GET /runs/{id} and POST /workflows/{id}/runs (starting a run:
// the execution and queue inserts; no worker runs, so the runs stay pending), at concurrency 1
// and 10. Prints p50/p95 latency and requests per second.
//   BENCH_REQUESTS (300 per case)
import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { createApiKey } from "../lib/api-keys/service";
import { e, endNode, startNode, storeWorkflow } from "../lib/runtime/test-support";
import { callApi } from "../lib/api/test-client";
import * as runRoute from "../app/api/v1/runs/[id]/route";
import * as workflowRoute from "../app/api/v1/workflows/[id]/route";
import * as runsRoute from "../app/api/v1/workflows/[id]/runs/route";
import { ApiKey } from "../models/ApiKey";
import { User } from "../models/User";
import { percentile } from "./lib/bench-utils";
import { runBench, withFreshDatabase, type FreshDatabase } from "./lib/fresh-database";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);

async function measure(label: string, concurrency: number, call: () => Promise<{ status: number }>, expected: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const t0 = performance.now();
        const res = await call();
        latencies.push(performance.now() - t0);
        if (res.status !== expected) throw new Error(`${label}: got ${res.status}, expected ${expected}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(28)} c=${String(concurrency).padEnd(3)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(latencies, 95).toFixed(1).padStart(6)} ms  ${(latencies.length / seconds).toFixed(0).padStart(5)} req/s`);
}

/** What the server reads from its environment, as the integration tests set it (nothing here is signed or encrypted). */
function serverSettings({ uri }: FreshDatabase): void {
  process.env.MONGODB_URI = uri;
  process.env.SWITCHYARD_API_RATE_LIMIT = String(1_000_000);
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("base64");
}

async function benchApi() {
  await ApiKey.init();
  const user = await User.create({ email: "bench@api.test", name: "Bench", passwordHash: "x", roles: ["designer"] });
  const owner = { id: String(user._id), roles: ["designer" as const], active: true };
  for (let i = 0; i < 1_000; i++) await createApiKey({ ...owner, id: new mongoose.Types.ObjectId().toString() }, { name: `other ${i}`, expiresIn: "never" });
  const created = await createApiKey(owner, { name: "bench", expiresIn: "never" });
  if (!created.ok) throw new Error(created.message);
  const key = created.key;
  const id = await storeWorkflow(owner, { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
  const first = await callApi(runsRoute.POST, `/workflows/${id}/runs`, { method: "POST", key, params: { id }, body: { mode: "test" } });
  if (first.status !== 201) throw new Error(`starting the first run: ${first.status} ${JSON.stringify(first.body)}`);
  const runId = first.body.runId as string;
  console.log(`api_keys: ${await ApiKey.estimatedDocumentCount()} keys; ${REQUESTS} requests per case\n`);
  for (const concurrency of [1, 10]) {
    await measure("GET /workflows/{id}", concurrency, () => callApi(workflowRoute.GET, `/workflows/${id}`, { key, params: { id } }), 200);
    await measure("GET /runs/{id}", concurrency, () => callApi(runRoute.GET, `/runs/${runId}`, { key, params: { id: runId } }), 200);
    await measure("POST /workflows/{id}/runs", concurrency, () => callApi(runsRoute.POST, `/workflows/${id}/runs`, { method: "POST", key, params: { id }, body: { mode: "test" } }), 201);
    await measure("401 (unknown key)", concurrency, () => callApi(workflowRoute.GET, `/workflows/${id}`, { key: `sy_live_${"B".repeat(43)}`, params: { id } }), 401);
  }
}

runBench(() => withFreshDatabase("api", benchApi, { beforeConnect: serverSettings }));
