import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startLocalServer, type LocalServer, type SeenRequest } from "@/tests/local-http";
import { actor } from "@/lib/workflows/test-fixtures";
import { createWorkflow } from "@/lib/workflows/service";
import { loadWorkflowForEditor } from "@/lib/workflows/queries";
import { AiWorkflowSuggestion } from "@/models/AiWorkflowSuggestion";
import { Workflow } from "@/models/Workflow";
import { PLACEHOLDER_URL, draftFromSentence } from "./simulated-draft";
import { draftWorkflow, openDraft, rateDraft } from "./service";

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
  await Promise.all([Workflow.init(), AiWorkflowSuggestion.init()]);
});
afterAll(() => server.close());

const designer = actor(["designer"]);
const SENTENCE = "When a purchase over 5000 arrives, a manager approves it and we notify the requester";

function completion(content: string) {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "llama3.2",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 2_000, completion_tokens: 800, total_tokens: 2_800 },
  };
}

/** The local server answers each chat completion with the next of `answers`. */
function answerWith(...answers: string[]) {
  let i = 0;
  server.handle((_req, res) => sendJson(res, 200, completion(answers[Math.min(i++, answers.length - 1)])));
  return () => i;
}

const local = (prompt = SENTENCE) => ({ prompt, provider: "openai-compatible", model: "llama3.2", baseUrl: `${server.url}/v1` });
const messagesOf = (req: SeenRequest) => (JSON.parse(req.body) as { messages: { role: string; content: string }[] }).messages;

describe("drafting a workflow against a local OpenAI-compatible server", () => {
  it("takes a valid answer, validates it and stores the suggestion readably", async () => {
    const calls = answerWith(JSON.stringify(draftFromSentence(SENTENCE)));
    const result = await draftWorkflow(designer, local());
    if (!result.ok) throw new Error(result.message);
    expect(calls()).toBe(1);
    expect(result.attempts).toBe(1);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(["start", "decision", "human", "notification", "end"]));
    // The system prompt carries the node catalogue and asks for JSON that follows the schema.
    const request = JSON.parse(server.seen.at(-1)!.body) as { response_format?: { type: string } };
    expect(request.response_format?.type).toBe("json_schema");

    const stored = await AiWorkflowSuggestion.findById(result.suggestionId).lean();
    expect(stored).toMatchObject({
      prompt: SENTENCE,
      provider: "openai-compatible",
      model: "llama3.2",
      status: "ready",
      attempts: 1,
      createdBy: expect.anything(),
      applied: { workflowId: null },
      feedback: { vote: null },
      usage: { inputTokens: 2_000, outputTokens: 800, priced: false },
    });
    // Readable: nodes and edges are arrays of subdocuments, not JSON text.
    expect(Array.isArray(stored!.suggestion!.nodes)).toBe(true);
    expect(stored!.suggestion!.nodes[0]).toMatchObject({ id: "start", type: "start", data: { title: "Start" } });
    expect(stored!.suggestion!.edges.length).toBe(result.edges.length);
  });

  it("sends the schema errors back once and takes the repaired answer", async () => {
    const calls = answerWith(JSON.stringify({ name: "Broken", nodes: "none", edges: [] }), JSON.stringify(draftFromSentence(SENTENCE)));
    const result = await draftWorkflow(designer, local());
    if (!result.ok) throw new Error(result.message);
    expect(calls()).toBe(2);
    expect(result.attempts).toBe(2);
    const repair = messagesOf(server.seen.at(-1)!);
    expect(repair.at(-2)).toMatchObject({ role: "assistant" });
    expect(repair.at(-1)!.content).toMatch(/^Your answer was refused: nodes: Nodes must be a list/);
    const stored = await AiWorkflowSuggestion.findById(result.suggestionId).lean();
    expect(stored).toMatchObject({ status: "ready", attempts: 2, usage: { inputTokens: 4_000, outputTokens: 1_600 } });
  });

  it("repairs an answer whose edges end at nodes that do not exist (the importer's checks)", async () => {
    const bad = draftFromSentence(SENTENCE);
    bad.edges.push({ id: "e_ghost", source: "start", target: "ghost" });
    answerWith(JSON.stringify(bad), JSON.stringify(draftFromSentence(SENTENCE)));
    const result = await draftWorkflow(designer, local());
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(messagesOf(server.seen.at(-1)!).at(-1)!.content).toContain('edges.');
  });

  it("fails clearly after a second bad answer, naming what was wrong, and keeps the failed attempt", async () => {
    const calls = answerWith("this is not json at all", JSON.stringify({ nodes: [{ id: "a b", type: "start" }], edges: [] }));
    const result = await draftWorkflow(designer, local("Approve invoices twice wrong"));
    expect(calls()).toBe(2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/did not follow the workflow format, even after one repair attempt: nodes\.0\.id: Id may use only letters/);
    const failed = await AiWorkflowSuggestion.findOne({ prompt: "Approve invoices twice wrong" }).lean();
    expect(failed).toMatchObject({ status: "failed", attempts: 2, error: result.message });
  });

  it("opens a draft that does not validate as an unpublished workflow with its problems listed", async () => {
    const unfinished = draftFromSentence(SENTENCE);
    unfinished.edges = unfinished.edges.filter((e) => !(e.source === "check_amount" && e.sourceHandle === "default"));
    answerWith(JSON.stringify(unfinished));
    const result = await draftWorkflow(designer, local("Approve big purchases, left unfinished"));
    if (!result.ok) throw new Error(result.message);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "decision-default-unconnected", severity: "error", nodeId: "check_amount" }));
    const stored = await AiWorkflowSuggestion.findById(result.suggestionId).lean();
    expect(stored!.problems).toContainEqual(expect.objectContaining({ code: "decision-default-unconnected", severity: "error" }));
    const opened = await openDraft(designer, { suggestionId: result.suggestionId });
    if (!opened.ok) throw new Error(opened.message);
    expect(await loadWorkflowForEditor(designer, opened.id)).toMatchObject({ status: "draft", publishedVersion: null });
  });

  it("says what the server answered when the call itself fails", async () => {
    server.handle((_req, res) => sendJson(res, 401, { error: { message: "Invalid API key" } }));
    const result = await draftWorkflow(designer, local("Approve refunds, server refuses"));
    expect(result).toMatchObject({ ok: false, message: 'The draft failed: the OpenAI-compatible server (model "llama3.2") answered 401: Invalid API key' });
    expect(await AiWorkflowSuggestion.findOne({ prompt: "Approve refunds, server refuses" }).lean()).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("refuses a model of another provider, and someone who may not create workflows", async () => {
    const mismatch = await draftWorkflow(designer, { prompt: SENTENCE, provider: "openai", model: "simulated" });
    expect(mismatch).toMatchObject({ ok: false, errors: { model: [expect.stringContaining("belongs to Simulated")] } });
    await expect(draftWorkflow(actor(["approver"]), { prompt: SENTENCE })).rejects.toThrow(/Only designers and admins/);
  });
});

describe("drafting with the Simulated provider, opening and rating the draft", () => {
  it("drafts offline, opens as an unpublished workflow of suggested nodes, records applied and feedback", async () => {
    const result = await draftWorkflow(designer, { prompt: "Call the partner API, then a manager approves" });
    if (!result.ok) throw new Error(result.message);
    expect(result.nodes.find((n) => n.type === "action")!.data.config).toMatchObject({ url: PLACEHOLDER_URL });
    expect(result.problems).toEqual([expect.objectContaining({ code: "needs-review", nodeId: "call_api" })]);
    expect(result.usage).toMatchObject({ cost: 0, priced: true });

    const positions = Object.fromEntries(result.nodes.map((n, i) => [n.id, { x: i * 300, y: 40 }]));
    const opened = await openDraft(designer, { suggestionId: result.suggestionId, positions });
    if (!opened.ok) throw new Error(opened.message);
    const workflow = await loadWorkflowForEditor(designer, opened.id);
    expect(workflow).toMatchObject({ status: "draft", publishedVersion: null, name: "Call the partner API, then a manager approves" });
    expect(workflow!.nodes.every((n) => n.data.suggested === true)).toBe(true);
    expect(workflow!.nodes.map((n) => n.position.y)).toEqual(result.nodes.map(() => 40));
    const raw = await Workflow.findById(opened.id).lean();
    expect((raw!.nodes[0] as { data: { suggested?: boolean } }).data.suggested).toBe(true);

    expect(await rateDraft(designer, { suggestionId: result.suggestionId, vote: "down", comment: "Needs a timer" })).toMatchObject({ ok: true });
    const stored = await AiWorkflowSuggestion.findById(result.suggestionId).lean();
    expect(String(stored!.applied!.workflowId)).toBe(opened.id);
    expect(stored!.applied!.at).toBeInstanceOf(Date);
    expect(stored!.feedback).toMatchObject({ vote: "down", comment: "Needs a timer" });

    // Another designer cannot see or rate it.
    await expect(rateDraft(actor(["designer"]), { suggestionId: result.suggestionId, vote: "up" })).rejects.toThrow(/does not exist, or it is not yours/);
  });

  it("notes a schedule it cannot carry, and records a draft put on an existing empty canvas", async () => {
    const result = await draftWorkflow(designer, { prompt: "Every Monday at 9, summarize open tickets with AI" });
    if (!result.ok) throw new Error(result.message);
    expect(result.notes).toEqual([expect.stringContaining('cron "0 9 * * 1"')]);
    const blank = await createWorkflow(designer, { name: "Empty" });
    if (!blank.ok) throw new Error(blank.message);
    expect(await openDraft(designer, { suggestionId: result.suggestionId, workflowId: blank.id })).toMatchObject({ ok: true, id: blank.id });
    expect(String((await AiWorkflowSuggestion.findById(result.suggestionId).lean())!.applied!.workflowId)).toBe(blank.id);
    const someoneElse = await createWorkflow(actor(["designer"]), { name: "Not mine" });
    if (!someoneElse.ok) throw new Error(someoneElse.message);
    await expect(openDraft(designer, { suggestionId: result.suggestionId, workflowId: someoneElse.id })).rejects.toThrow(/not shared with you/);
  });
});
