// The REST API's gate on the real database: every endpoint refuses a missing, unknown, revoked
// or expired key and a deactivated owner's key with 401; bodies that are not JSON, too large or
// of another type; the per-key rate limit; last-used written at most once a minute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as cancelRoute from "@/app/api/v1/runs/[id]/cancel/route";
import * as tasksRoute from "@/app/api/v1/tasks/route";
import * as completeRoute from "@/app/api/v1/tasks/[id]/complete/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as runsRoute from "@/app/api/v1/workflows/[id]/runs/route";
import { authenticateKey, LAST_USED_RESOLUTION_MS } from "@/lib/api-keys/authenticate";
import { ApiKey } from "@/models/ApiKey";
import { MAX_BODY_BYTES } from "./body";
import { callApi, type CallOptions } from "./test-client";
import { buildWorld, type World } from "./test-world";

let world: World;
const SOME_ID = "0123456789abcdef01234567";

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.worker.stop(500));

function everyEndpoint() {
  const id = { id: world.simple };
  const run = { id: SOME_ID };
  return [
    { name: "GET /workflows", handler: workflowsRoute.GET, path: "/workflows", options: {} },
    { name: "GET /workflows/{id}", handler: workflowRoute.GET, path: `/workflows/${world.simple}`, options: { params: id } },
    { name: "POST /workflows/{id}/runs", handler: runsRoute.POST, path: `/workflows/${world.simple}/runs`, options: { method: "POST", params: id, body: { input: { amount: 1 } } } },
    { name: "GET /workflows/{id}/runs", handler: runsRoute.GET, path: `/workflows/${world.simple}/runs`, options: { params: id } },
    { name: "GET /runs/{id}", handler: runRoute.GET, path: `/runs/${SOME_ID}`, options: { params: run } },
    { name: "POST /runs/{id}/cancel", handler: cancelRoute.POST, path: `/runs/${SOME_ID}/cancel`, options: { method: "POST", params: run } },
    { name: "GET /tasks", handler: tasksRoute.GET, path: "/tasks", options: {} },
    { name: "POST /tasks/{id}/complete", handler: completeRoute.POST, path: `/tasks/${SOME_ID}/complete`, options: { method: "POST", params: run, body: { decision: "approve" } } },
  ] satisfies { name: string; handler: Parameters<typeof callApi>[0]; path: string; options: CallOptions }[];
}

describe("API keys at the door (real database)", () => {
  it("answers 401 with a JSON error on every endpoint for a missing, malformed, unknown, revoked or expired key and a deactivated owner", async () => {
    const bad: [string, string | null, RegExp][] = [
      ["missing", null, /Send your API key/],
      ["malformed", "not-a-key", /not valid/],
      ["unknown", `sy_live_${"A".repeat(43)}`, /not valid/],
      ["revoked", world.revokedKey, /revoked/],
      ["expired", world.expiredKey, /expired/],
      ["deactivated owner", world.gone.key, /deactivated/],
    ];
    for (const endpoint of everyEndpoint()) {
      for (const [label, key, message] of bad) {
        const res = await callApi(endpoint.handler, endpoint.path, { ...endpoint.options, key });
        expect(res.status, `${endpoint.name} with a ${label} key`).toBe(401);
        expect(res.body.error.code).toBe("unauthorized");
        expect(res.body.error.message).toMatch(message);
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
      }
    }
  });

  it("accepts the key as X-Api-Key too", async () => {
    const res = await callApi(workflowsRoute.GET, "/workflows", { headers: { "x-api-key": world.owner.key } });
    expect(res.status).toBe(200);
  });

  it("refuses bodies that are not JSON, not sent as JSON, or larger than 1 MB, and starts nothing", async () => {
    const options = { method: "POST", key: world.owner.key, params: { id: world.simple } };
    const path = `/workflows/${world.simple}/runs`;
    const before = (await callApi(runsRoute.GET, path, { key: world.owner.key, params: { id: world.simple } })).body.runs.length;

    const notJson = await callApi(runsRoute.POST, path, { ...options, body: "{ mode: published" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatchObject({ code: "invalid_request", details: [{ in: "body" }] });
    expect(notJson.body.error.message).toMatch(/not valid JSON/);

    const text = await callApi(runsRoute.POST, path, { ...options, body: "amount=1", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("unsupported_media_type");

    const huge = JSON.stringify({ mode: "published", input: { amount: 1, padding: "x".repeat(MAX_BODY_BYTES) } });
    const tooBig = await callApi(runsRoute.POST, path, { ...options, body: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: "payload_too_large", details: { limitBytes: MAX_BODY_BYTES } });

    // Without Content-Length (a chunked upload), the cap stops the read as well.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const chunked = await runsRoute.POST(
      new Request(`http://127.0.0.1/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${world.owner.key}`, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit),
      { params: Promise.resolve({ id: world.simple }) },
    );
    expect(chunked.status).toBe(413);

    const after = (await callApi(runsRoute.GET, path, { key: world.owner.key, params: { id: world.simple } })).body.runs.length;
    expect(after).toBe(before);
  });

  it("answers 429 with Retry-After once a key has used its budget for the minute", async () => {
    process.env.SWITCHYARD_API_RATE_LIMIT = "3";
    try {
      const key = world.approver.key;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await callApi(tasksRoute.GET, "/tasks", { key })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await callApi(tasksRoute.GET, "/tasks", { key });
      expect(limited.body.error.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another key has its own budget.
      expect((await callApi(workflowsRoute.GET, "/workflows", { key: world.admin.key })).status).toBe(200);
    } finally {
      delete process.env.SWITCHYARD_API_RATE_LIMIT;
    }
  });

  it("records the last use at most once a minute", async () => {
    const headers = new Headers({ authorization: `Bearer ${world.other.key}` });
    const t0 = Date.now() + 5 * 60_000;
    const read = async () => (await ApiKey.findOne({ publicId: world.other.keyId }).lean())!.lastUsedAt?.getTime();
    expect((await authenticateKey(headers, t0)).ok).toBe(true);
    expect(await read()).toBe(t0);
    expect((await authenticateKey(headers, t0 + LAST_USED_RESOLUTION_MS - 1)).ok).toBe(true);
    expect(await read()).toBe(t0);
    expect((await authenticateKey(headers, t0 + LAST_USED_RESOLUTION_MS)).ok).toBe(true);
    expect(await read()).toBe(t0 + LAST_USED_RESOLUTION_MS);
  });
});
