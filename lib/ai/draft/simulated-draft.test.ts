import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { parseImport } from "@/lib/workflow/import";
import { workflowImportSchema } from "@/lib/workflow/schema";
import { PLACEHOLDER_URL, draftFromSentence, keywordsOf } from "./simulated-draft";
import { scheduleOf } from "./schedule";

/** The draft passes the importer (structure, node types, configs) and the validator has no errors. */
function checked(sentence: string) {
  const draft = draftFromSentence(sentence);
  expect(workflowImportSchema.safeParse(draft).success).toBe(true);
  const imported = parseImport(draft);
  if (!imported.ok) throw new Error(`importer refused the draft: ${JSON.stringify(imported.problems)}`);
  const problems = validateWorkflow(imported.workflow);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const types = draft.nodes.map((n) => n.type);
  expect(types[0]).toBe("start");
  expect(types).toContain("end");
  return { draft, problems, types, node: (type: string) => draft.nodes.find((n) => n.type === type)! };
}

describe("the simulated drafter", () => {
  it("builds an approval assigned to a role, with approve and reject paths", () => {
    const { draft, node } = checked("When someone submits a purchase request, a manager must approve it");
    expect(node("human").data.config).toMatchObject({ candidateRoles: ["manager"] });
    const fromApproval = draft.edges.filter((e) => e.source === "approval").map((e) => e.sourceHandle).sort();
    expect(fromApproval).toEqual(["approve", "reject"]);
  });

  it("builds an HTTP call whose placeholder URL the problems list flags", () => {
    const { node, problems } = checked("Post every new lead to our CRM API");
    expect(node("action").data.config).toMatchObject({ method: "POST", url: PLACEHOLDER_URL });
    expect(problems).toEqual([expect.objectContaining({ code: "needs-review", severity: "warning", nodeId: "call_api", path: "url" })]);
  });

  it("builds an agent step with an HTTP tool whose placeholder URL the problems list flags, instead of a plain AI step", () => {
    const { node, problems, types } = checked("An AI agent looks up each request with a tool and tells the requester");
    expect(types).not.toContain("ai");
    expect(node("agent").data.config).toMatchObject({ provider: "simulated", tools: [{ kind: "http", name: "look_up", url: PLACEHOLDER_URL }] });
    expect(problems).toEqual([expect.objectContaining({ code: "needs-review", severity: "warning", nodeId: "agent_step", path: "tools.0.url" })]);
  });

  it("builds an AI step on the simulated model, classifying when asked to", () => {
    const summary = checked("Summarize each support ticket with AI").node("ai");
    expect(summary.data.config).toMatchObject({ provider: "simulated", model: "simulated", outputMode: "text" });
    expect(summary.data.title).toBe("Summarize the request");
    expect(checked("Classify incoming emails").node("ai").data.title).toBe("Classify the request");
  });

  it("builds a decision on $input over the amount named in the sentence", () => {
    const { node, draft } = checked("If an expense is over $2,500, flag it");
    expect(node("decision").data.config).toEqual({ branches: [{ id: "over", label: "Over 2,500", condition: "$input.amount > 2500" }] });
    const start = node("start").data.config as { fields: { name: string; type: string }[] };
    expect(start.fields).toContainEqual(expect.objectContaining({ name: "amount", type: "number" }));
    expect(draft.edges.some((e) => e.source === "check_amount" && e.sourceHandle === "default")).toBe(true);
  });

  it("builds messages: in-app when notifying, email (with a subject) when the sentence says email", () => {
    expect(checked("Notify the team when a form is filled").node("notification").data.config).toMatchObject({ channel: "in_app" });
    expect(checked("Send an email to the requester").node("notification").data.config).toMatchObject({ channel: "email", subjectTemplate: "Done" });
  });

  it("combines the families in one valid workflow, start to end", () => {
    const { types } = checked("Every Monday at 9, fetch invoices from the API, summarize them with AI, and if the amount is over 1000 a manager approves; email the requester");
    expect(new Set(types)).toEqual(new Set(["start", "action", "ai", "decision", "human", "notification", "end"]));
  });

  it("still drafts start → end for a sentence it does not understand, and answers the same way twice", () => {
    expect(checked("Something vague").types).toEqual(["start", "end"]);
    expect(draftFromSentence("Approve invoices")).toEqual(draftFromSentence("Approve invoices"));
  });

  it("reads keywords without false friends", () => {
    expect(keywordsOf("Ask a manager to approve")).toMatchObject({ approval: true, http: false, ai: false, condition: false });
    expect(keywordsOf("orders above 300")).toMatchObject({ condition: true, threshold: 300 });
  });
});

describe("schedules in a sentence", () => {
  it("reads days, times and periods as cron", () => {
    expect(scheduleOf("every Monday at 9")).toEqual({ cron: "0 9 * * 1", text: "every Monday at 09:00" });
    expect(scheduleOf("daily at 8:30 pm")).toEqual({ cron: "30 20 * * *", text: "every day at 20:30" });
    expect(scheduleOf("every hour check the queue")).toEqual({ cron: "0 * * * *", text: "every hour" });
    expect(scheduleOf("on weekdays at 7am")?.cron).toBe("0 7 * * 1-5");
    expect(scheduleOf("approve invoices")).toBeNull();
  });
});
