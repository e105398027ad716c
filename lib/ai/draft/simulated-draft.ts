// What the Simulated provider answers when asked to draft a workflow: a sensible, valid graph
// built from the keywords of the sentence (approvals, HTTP calls, schedules, AI steps, messages,
// conditions over an amount), so drafting works offline, in demos and in tests. Pure and
// deterministic: the same sentence always gives the same document. The document is what the
// importer reads (lib/workflow/schema.ts workflowImportSchema); positions are a rough column
// layout that the designer's auto-layout replaces when the draft is opened.
import { link, step } from "@/lib/workflows/templates/build";
import type { WorkflowEdge, WorkflowNode } from "@/lib/workflow/types";
import { scheduleOf } from "./schedule";

/** Put in the system prompt of a draft request, so the simulated model knows what to answer. */
export const DRAFT_MARKER = "[switchyard:draft-workflow]";

/** An address the problems list flags (RFC 2606 ".invalid" never resolves): the designer must replace it. */
export const PLACEHOLDER_URL = "https://your-api.invalid/replace-with-your-endpoint";

export interface DraftDocument {
  name: string;
  description: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

export interface DraftKeywords {
  approval: boolean;
  http: boolean;
  ai: boolean;
  /** An agent step with a tool ("an AI agent looks it up with a tool"); it takes the plain AI step's place. */
  agent: boolean;
  notify: boolean;
  email: boolean;
  /** The amount a condition compares with ("over 1,000" → 1000), when the sentence has one. */
  threshold: number | null;
  condition: boolean;
  schedule: boolean;
}

const has = (text: string, pattern: RegExp) => pattern.test(text);

export function keywordsOf(sentence: string): DraftKeywords {
  const text = sentence.toLowerCase();
  const amount = /(?:over|above|more than|exceeds?|greater than|at least|>\s*)\s*[$€£]?\s*(\d[\d,.]*)/.exec(text);
  const threshold = amount ? Number(amount[1].replace(/,/g, "").replace(/\.$/, "")) : null;
  const email = has(text, /\be-?mails?\b/);
  return {
    approval: has(text, /approv|sign[- ]?off|\breview(?:ed|s)? by\b|\bmanager\b/),
    http: has(text, /\bhttps?\b|\bapis?\b|\bendpoint|\bwebhook|\brest\b|\bcalls? (?:a|the|our) (?:service|system)|\bfetch|\bpost (?:it |them )?to\b/),
    ai: has(text, /\bai\b|\bllm\b|\bgpt|summari[sz]|classif|categori[sz]|analy[sz]|extract|sentiment/),
    agent: has(text, /\bagents?\b|\btools?\b/),
    notify: email || has(text, /notif|\btell\b|\balert|\bmessage|\bslack|\binform|\blet .* know/),
    email,
    threshold: threshold !== null && Number.isFinite(threshold) ? threshold : null,
    condition: threshold !== null || has(text, /\bif\b|\bwhen(?:ever)?\b.*\b(?:is|are|over|above|below|under)\b/),
    schedule: scheduleOf(sentence) !== null,
  };
}

/** A title-cased short name from the sentence: "Approve invoices over 1,000". */
function nameOf(sentence: string): string {
  const clean = sentence.replace(/\s+/g, " ").trim().replace(/[.!?]+$/, "");
  if (!clean) return "Drafted workflow";
  const short = clean.length > 60 ? `${clean.slice(0, 57).replace(/\s+\S*$/, "")}…` : clean;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

interface Builder {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  column: number;
}

/** Where an edge starts: a node, its output and the edge's label and condition copy. */
interface From {
  id: string;
  handle?: string;
  label?: string;
  condition?: string;
}

function add(b: Builder, node: WorkflowNode, from: From | null) {
  b.nodes.push(node);
  if (from) b.edges.push(link(from.id, node.id, { handle: from.handle, label: from.label, condition: from.condition }));
}

function message(k: DraftKeywords, id: string, column: number, row: number, title: string, subject: string, body: string): WorkflowNode {
  return step(id, "notification", [column, row], title, {
    channel: k.email ? "email" : "in_app",
    recipients: ["{{ $input.requester }}"],
    subjectTemplate: subject,
    bodyTemplate: body,
  });
}

/** The workflow a sentence describes, as the importer reads it. */
export function draftFromSentence(sentence: string): DraftDocument {
  const k = keywordsOf(sentence);
  const b: Builder = { nodes: [], edges: [], column: 0 };
  const fields: Record<string, unknown>[] = [
    { name: "requester", label: "Requester (email)", type: "string", required: true },
    { name: "details", label: "Details", type: "string", required: true },
  ];
  if (k.condition) fields.push({ name: "amount", label: "Amount", type: "number", required: true });
  add(b, step("start", "start", [b.column++, 0], "Start", { fields }), null);
  let last: From = { id: "start" };

  if (k.http) {
    add(b, step("call_api", "action", [b.column++, 0], "Call the API", {
      method: "POST",
      url: PLACEHOLDER_URL,
      headers: [{ key: "Content-Type", value: "application/json" }],
      body: '{ "requester": "{{ $input.requester }}", "details": "{{ $input.details }}" }',
      timeoutMs: 30_000,
    }), last);
    last = { id: "call_api", handle: "success" };
  }
  if (k.agent) {
    add(b, step("agent_step", "agent", [b.column++, 0], "Look it up with a tool", {
      provider: "simulated",
      model: "simulated",
      systemPrompt: "You help a business team. Use the tool to look things up, then answer briefly and plainly.",
      goal: "Look up what is needed for this request from {{ $input.requester }} with look_up, then answer: {{ $input.details }}",
      tools: [{
        kind: "http",
        name: "look_up",
        description: "Looks up information for a request",
        parameters: JSON.stringify({ type: "object", properties: { topic: { type: "string", description: "What to look up" } } }),
        method: "GET",
        url: PLACEHOLDER_URL,
        headers: [],
        body: "",
        timeoutMs: 20_000,
      }],
      maxToolCalls: 5,
      maxTokens: 50_000,
      timeoutMs: 120_000,
      outputMode: "text",
    }), last);
    last = { id: "agent_step", handle: "out" };
  } else if (k.ai) {
    const classify = /classif|categori[sz]/i.test(sentence);
    add(b, step("ai_step", "ai", [b.column++, 0], classify ? "Classify the request" : "Summarize the request", {
      provider: "simulated",
      model: "simulated",
      systemPrompt: "You help a business team. Answer briefly and plainly.",
      promptTemplate: classify
        ? "Classify this request from {{ $input.requester }} into one category (finance, IT, HR, other): {{ $input.details }}"
        : "Summarize this request from {{ $input.requester }} in two sentences: {{ $input.details }}",
      temperature: 0.2,
      maxTokens: 512,
      outputMode: "text",
    }), last);
    last = { id: "ai_step", handle: "out" };
  }

  // The outcome: a condition and/or an approval, then the messages and the ends.
  const done = step("end", "end", [b.column + 3, 0], "Done", { outputMapping: [{ key: "completed", expression: "true" }] });
  const finish = (from: From, id: string, row: number, subject: string, body: string) => {
    if (!k.notify) {
      b.edges.push(link(from.id, "end", { handle: from.handle, label: from.label, condition: from.condition }));
      return;
    }
    add(b, message(k, id, b.column + 2, row, `Tell the requester: ${subject.toLowerCase()}`, subject, body), from);
    b.edges.push(link(id, "end"));
  };

  let approvalFrom = last;
  if (k.condition) {
    const limit = k.threshold ?? 1_000;
    const condition = `$input.amount > ${limit}`;
    const label = `Over ${limit.toLocaleString("en-US")}`;
    add(b, step("check_amount", "decision", [b.column++, 0], `Amount over ${limit.toLocaleString("en-US")}?`, {
      branches: [{ id: "over", label, condition }],
    }), last);
    approvalFrom = { id: "check_amount", handle: "over", label, condition };
    if (!k.approval) {
      finish(approvalFrom, "notify_over", -1, "Over the limit", "The request from {{ $input.requester }} is over the limit: {{ $input.amount }}.");
      finish({ id: "check_amount", handle: "default", label: "Otherwise" }, "notify_done", 1, "Processed", "Your request was processed: {{ $input.details }}");
    }
  }
  if (k.approval) {
    add(b, step("approval", "human", [b.column, -1 * Number(k.condition)], "Approve the request", {
      titleTemplate: k.condition ? "Approve {{ $input.amount }} for {{ $input.requester }}" : "Approve the request from {{ $input.requester }}",
      descriptionTemplate: "{{ $input.details }}",
      candidateRoles: ["manager"],
      candidateUsers: [],
      formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }],
      priority: "medium",
      dueInMinutes: 2_880,
    }), approvalFrom);
    finish({ id: "approval", handle: "approve", label: "Approve" }, "notify_approved", -1, "Approved", "Your request was approved: {{ $input.details }}");
    finish({ id: "approval", handle: "reject", label: "Reject" }, "notify_rejected", 1, "Rejected", "Your request was rejected: {{ $input.details }}");
    if (k.condition) b.edges.push(link("check_amount", "end", { handle: "default", label: "Otherwise" }));
  } else if (!k.condition) {
    finish(last, "notify_done", 0, "Done", "Your request was handled: {{ $input.details }}");
  }
  b.nodes.push(done);

  const words = [k.approval && "an approval", k.http && "an HTTP call", k.agent ? "an AI agent with a tool" : k.ai && "an AI step", k.condition && "a condition", k.notify && "a message"].filter(Boolean);
  return {
    name: nameOf(sentence),
    description: `Drafted from: "${sentence.trim().slice(0, 300)}"${words.length ? ` (${words.join(", ")})` : ""}.`,
    nodes: b.nodes,
    edges: b.edges,
  };
}
