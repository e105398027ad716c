// /api/mcp with the SDK's own MCP client, its requests answered by the app's route handler
// in-process (real Request and Response objects, as Next.js passes them), on the real database
// and runtime: which workflows each key's owner is offered, a call that returns the End output,
// refusals, the time limit and refused keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import * as route from "@/app/api/mcp/route";
import { e, endNode, n, startNode, storeWorkflow } from "@/lib/runtime/test-support";
import { readRun } from "@/lib/runtime/control";
import { publishWorkflow } from "@/lib/workflows/service";
import { setAvailableToAi } from "@/lib/workflows/ai-availability";
import { Workflow } from "@/models/Workflow";
import { buildWorld, type Person, type World } from "../test-world";
import { handleMcpRequest } from "./server";

let world: World;
let othersOwn: string;
let sleeper: string;

type Handle = (request: Request) => Promise<Response>;
const viaRoute: Handle = (request) => (request.method === "POST" ? route.POST(request) : request.method === "GET" ? Promise.resolve(route.GET()) : Promise.resolve(route.DELETE()));

async function connect(key: string, handle: Handle = viaRoute): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL("http://127.0.0.1/api/mcp"), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    fetch: (url, init) => handle(new Request(url, init)),
  });
  const client = new Client({ name: "test-assistant", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function toolNames(who: Person): Promise<string[]> {
  const client = await connect(who.key);
  try {
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await client.close();
  }
}

async function published(owner: Person, name: string, graph: Parameters<typeof storeWorkflow>[1]): Promise<string> {
  const id = await storeWorkflow(owner, graph);
  await Workflow.updateOne({ _id: id }, { $set: { name } });
  const done = await publishWorkflow(owner, { id });
  if (!done.ok) throw new Error(done.message);
  return id;
}

beforeAll(async () => {
  world = await buildWorld();
  const { owner, other } = world;
  await Workflow.updateOne({ _id: world.simple }, { $set: { name: "Double the amount", description: "Doubles an amount." } });
  othersOwn = await published(other, "Other's report", { nodes: [startNode(), endNode("end", [{ key: "ok", expression: "true" }])], edges: [e("start", "end")] });
  sleeper = await published(owner, "Sleeper", { nodes: [startNode(), n("nap", "timer", { mode: "delay", delaySeconds: 3600 }), endNode()], edges: [e("start", "nap"), e("nap", "end")] });
  const notOffered = await published(owner, "Not offered", { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
  for (const [who, id] of [[owner, world.simple], [owner, world.human], [other, othersOwn], [owner, sleeper]] as const) {
    const set = await setAvailableToAi(who, { id, available: true });
    expect(set.ok).toBe(true);
  }
  expect((await Workflow.findById(notOffered).lean())?.availableToAi).toBe(false);
});
afterAll(async () => {
  await world.worker.stop(500);
});

describe("/api/mcp", () => {
  it("lists only published workflows marked available that the key's owner may run", async () => {
    // world.human is marked too, but was never published; "Not offered" is published but not marked.
    expect(await toolNames(world.owner)).toEqual(["double_the_amount", "sleeper"]);
    expect(await toolNames(world.editor)).toEqual(["double_the_amount"]);
    expect(await toolNames(world.other)).toEqual(["other_s_report"]);
    expect(await toolNames(world.viewer)).toEqual([]);
    expect(await toolNames(world.admin)).toEqual(["double_the_amount", "other_s_report", "sleeper"]);
  });

  it("describes a tool with the workflow's description and its Start fields as the input schema", async () => {
    const client = await connect(world.owner.key);
    try {
      const tool = (await client.listTools()).tools.find((t) => t.name === "double_the_amount")!;
      expect(tool).toMatchObject({
        title: "Double the amount",
        description: "Doubles an amount.",
        inputSchema: { type: "object", properties: { amount: { type: "number", title: "Amount" } }, required: ["amount"] },
        outputSchema: { type: "object", required: ["runId", "status"] },
      });
    } finally {
      await client.close();
    }
  });

  it("a call runs the published version as the key's owner and answers with the End output", async () => {
    const client = await connect(world.editor.key);
    try {
      const result = await client.callTool({ name: "double_the_amount", arguments: { amount: 21 } });
      expect(result.isError).toBeFalsy();
      const structured = result.structuredContent as { runId: string; status: string; output: unknown };
      expect(structured).toMatchObject({ status: "completed", output: { doubled: 42 } });
      expect(result.content).toEqual([{ type: "text", text: '{"doubled":42}' }]);
      const run = await readRun(structured.runId);
      expect(run?.meta).toMatchObject({ workflowId: world.simple, version: 1, trigger: { type: "api", by: world.editor.id, source: world.editor.keyId } });
    } finally {
      await client.close();
    }
  });

  it("refused input is a tool error naming the field; a tool the owner is not offered is a protocol error", async () => {
    const client = await connect(world.owner.key);
    try {
      const refused = await client.callTool({ name: "double_the_amount", arguments: { amount: "many" } });
      expect(refused).toMatchObject({ isError: true, content: [{ type: "text", text: "The run input was refused: Amount must be a number." }] });
      await expect(client.callTool({ name: "other_s_report", arguments: {} })).rejects.toThrow(/No tool named "other_s_report"/);
    } finally {
      await client.close();
    }
  });

  it("after the time limit a call answers with the run id and its status", async () => {
    const client = await connect(world.owner.key, (request) => handleMcpRequest(request, { waitMs: 400 }));
    try {
      const result = await client.callTool({ name: "sleeper", arguments: {} });
      expect(result.isError).toBeFalsy();
      const structured = result.structuredContent as { runId: string; status: string };
      expect(structured.status).toMatch(/^(paused|running|pending)$/);
      expect((result.content as { text: string }[])[0].text).toBe(`The run ${structured.runId} of "Sleeper" is still ${structured.status} after 400 ms. Follow it at GET /api/v1/runs/${structured.runId}.`);
    } finally {
      await client.close();
    }
  });

  it("refuses a missing, revoked or expired key with 401 JSON, as /api/v1 does", async () => {
    const init = { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) };
    const missing = await route.POST(new Request("http://127.0.0.1/api/mcp", init));
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("Send your API key") });
    for (const key of [world.revokedKey, world.expiredKey]) {
      const res = await route.POST(new Request("http://127.0.0.1/api/mcp", { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` } }));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
    await expect(connect(world.revokedKey)).rejects.toThrow(/401|revoked/);
  });
});
