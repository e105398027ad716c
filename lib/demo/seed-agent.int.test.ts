// The demo's agent as the seeder leaves it, on the real database and runtime: seeding twice
// makes one key, one credential and one of each workflow; the agent, run by the demo designer
// with the Simulated provider, calls its HTTP tool, its workflow tool and its MCP tool, and
// answers. Its HTTP and MCP tools reach this app's own route handlers (the API reference and
// /api/mcp), served on a real HTTP server at 127.0.0.1 as `npm start` would serve them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mcpRoute from "@/app/api/mcp/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { agentTranscripts } from "@/components/runs/agent-transcript-model";
import type { Actor } from "@/lib/auth/roles";
import type { ExecutorMap } from "@/lib/engine/executor";
import { agentExecutor } from "@/lib/nodes/agent/executor";
import { foldAll } from "@/lib/rollups/fold";
import { serviceProviders } from "@/lib/runtime/providers";
import type { RuntimeServices } from "@/lib/runtime/services";
import { listRunEvents } from "@/lib/runtime/queries";
import { startRunFor } from "@/lib/runtime/start";
import { sleep, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { person } from "@/lib/workflows/test-fixtures";
import { ApiKey } from "@/models/ApiKey";
import { Credential } from "@/models/Credential";
import { RunQueue } from "@/models/RunQueue";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { startLocalServer, type LocalServer, type SeenRequest } from "@/tests/local-http";
import { API_REFERENCE_TOOL } from "./api-guide";
import { DEMO_MCP_CREDENTIAL, DEMO_MCP_KEY_NAME } from "./mcp-access";
import { seedDemoAgent, type DemoAgent } from "./seed-agent";
import { EXPENSE_POLICY_TOOL, MILEAGE_TOOL } from "./tool-workflows";

let app: LocalServer;
let worker: Worker;
let admin: Actor;
let designer: Actor;
let seeded: DemoAgent;

/** The app's route for a request: the API reference and the MCP endpoint, as Next.js would call them. */
async function route(seen: SeenRequest): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(seen.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`${app.url}${seen.url}`, { method: seen.method, headers, body: seen.method === "GET" || seen.method === "HEAD" ? undefined : seen.body });
  const path = seen.url.split("?")[0];
  if (path === "/api/v1/openapi.json" && seen.method === "GET") return openApiRoute.GET(request);
  if (path === "/api/mcp") return seen.method === "POST" ? mcpRoute.POST(request) : seen.method === "GET" ? mcpRoute.GET() : mcpRoute.DELETE();
  return new Response("not found", { status: 404 });
}

beforeAll(async () => {
  app = await startLocalServer();
  app.handle(async (seen, res) => {
    const response = await route(seen);
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  worker = testWorker({ executors: { agent: agentExecutor } as unknown as ExecutorMap<RuntimeServices>, providers: serviceProviders, concurrency: 4 });
  admin = await person("admin@demo-agent.test", ["admin"]);
  designer = await person("designer@demo-agent.test", ["designer"]);
  seeded = await seedDemoAgent({ designer, admin }, app.url);
});
afterAll(async () => {
  // Let the worker finish the runs' bookkeeping (history, roll-ups) before the database closes.
  for (let i = 0; i < 100 && (await RunQueue.countDocuments({})) > 0; i++) await sleep(50);
  await sleep(300); // the fold the ended runs scheduled (250 ms) has started; foldAll waits for it
  await foldAll();
  await worker.stop(1_000);
  await app.close();
});

describe("seeding the demo agent", () => {
  it("stores the designer's own API key in the designer's own bearer credential (shared with nobody), offers the mileage workflow to AI, and stays the same when run again", async () => {
    const again = await seedDemoAgent({ designer, admin }, app.url);
    expect(again).toEqual(seeded);
    const credentials = await Credential.find({ name: DEMO_MCP_CREDENTIAL }).lean();
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ type: "bearer", secretFields: ["token"] });
    // An admin's key shared with designers would let every designer's HTTP step act as the admin.
    expect(credentials[0].sharedRoles ?? []).toEqual([]);
    expect(credentials[0].sharedUsers ?? []).toEqual([]);
    expect(String(credentials[0].owner)).toBe(designer.id);
    // The key is only in the sealed secret: no plain field carries it.
    expect(credentials[0].plain ?? []).toEqual([]);
    expect(await ApiKey.countDocuments({ userId: admin.id, name: DEMO_MCP_KEY_NAME })).toBe(0);
    const keys = await ApiKey.find({ userId: designer.id, name: DEMO_MCP_KEY_NAME }).lean();
    expect(keys).toHaveLength(1);
    expect(keys[0].expiresAt ?? null).toBeNull();
    const mileage = await Workflow.findById(seeded.mileageId).lean();
    expect(mileage).toMatchObject({ availableToAi: true, publishedVersion: expect.any(Number) });
    for (const id of [seeded.agentId, seeded.expensePolicyId]) expect((await Workflow.findById(id).lean())?.publishedVersion).toEqual(expect.any(Number));
  });
});

describe("the demo agent, run offline with the Simulated provider", () => {
  it("calls its HTTP, workflow and MCP tools once each and answers from their results", async () => {
    const question = "Team dinner after driving 120 km to a client: what may I claim, and how do I file it?";
    const started = await startRunFor(designer, { workflowId: seeded.agentId, mode: "published", input: { question } });
    if (!started.ok) throw new Error(started.message);
    const state = await waitForStatus(started.runId, undefined, 40_000);
    expect(state.error ?? null).toBeNull();
    expect(state.status).toBe("completed");

    const transcripts = agentTranscripts((await listRunEvents(designer, started.runId)) ?? []);
    expect(transcripts).toHaveLength(1);
    const tools = transcripts[0].entries.flatMap((entry) => (entry.kind === "tool" ? [entry] : []));
    expect(tools.map((t) => t.name)).toEqual([EXPENSE_POLICY_TOOL, MILEAGE_TOOL, API_REFERENCE_TOOL]);
    expect(tools.every((t) => !t.error)).toBe(true);
    expect(tools[0]).toMatchObject({ source: expect.stringMatching(/^workflow /), result: { category: expect.any(String), limitEur: expect.any(Number) } });
    expect(tools[1].source).toMatch(/mcp|MCP|Switchyard/);
    expect(JSON.stringify(tools[1].result)).toContain('"allowanceEur":36');
    expect(JSON.stringify(tools[2].result)).toContain("Switchyard REST API");
    expect(JSON.stringify(tools[2].result)).toContain("/workflows/{id}/runs");

    // The workflow tool ran as a child of the agent's run; the MCP tool's run is the admin's, started through /api/mcp.
    const children = await WorkflowExecution.find({ parentExecutionId: started.runId }).lean();
    expect(children.map((c) => String(c.workflowId))).toEqual([seeded.expensePolicyId]);
    expect(await WorkflowExecution.countDocuments({ workflowId: seeded.mileageId })).toBe(1);

    const answer = (state.output?.value as { answer?: string }).answer ?? "";
    expect(answer).toContain(`I checked with ${EXPENSE_POLICY_TOOL}, ${MILEAGE_TOOL}, ${API_REFERENCE_TOOL}.`);
  });
});
