import { describe, expect, it } from "vitest";
import type { RunEventView } from "@/lib/runtime/contract";
import { describeEvent } from "./describe-event";

const labels = (id: string | null | undefined) => (id === "fetch" ? "Fetch order" : (id ?? ""));
const ev = (type: string, data: Record<string, unknown> = {}, nodeId: string | null = "fetch"): RunEventView => ({ seq: 1, type, nodeId, stepId: nodeId ? `${nodeId}#1` : null, at: "2026-11-22T10:00:00.000Z", data });

describe("describeEvent", () => {
  it("names the node by its title and says what happened", () => {
    expect(describeEvent(ev("node_complete", { durationMs: 1_234, attempt: 1 }), labels)).toEqual({ text: "Fetch order succeeded in 1.23 s", tone: "good" });
    expect(describeEvent(ev("node_error", { attempt: 2, outcome: "fail", error: { message: "409 Conflict" } }), labels)).toEqual({ text: "Fetch order failed (attempt 2)", tone: "bad", detail: "409 Conflict" });
    expect(describeEvent(ev("node_waiting", { reason: "human" }), labels).text).toBe("Fetch order: Waiting for a human task");
    expect(describeEvent(ev("timer_set", { wakeAt: Date.UTC(2026, 10, 22, 11) }), labels).text).toBe("Fetch order: waiting until 22 Nov 2026, 11:00:00 UTC");
  });

  it("names the branch a step took by its label, not its handle id", () => {
    const branches = (nodeId: string | null | undefined, handle: string) => (nodeId === "fetch" && handle === "branch-1" ? "Over budget" : handle);
    expect(describeEvent(ev("node_complete", { durationMs: 5, handle: "branch-1" }), labels, branches).text).toBe("Fetch order succeeded in 5 ms via “Over budget”");
    expect(describeEvent(ev("node_complete", { durationMs: 5, handle: "unknown" }), labels, branches).text).toBe("Fetch order succeeded in 5 ms via “unknown”");
  });

  it("describes run-level events and unknown ones", () => {
    expect(describeEvent(ev("workflow_failed", { error: { message: "boom" } }, null), labels)).toEqual({ text: "Run failed", tone: "bad", detail: "boom" });
    expect(describeEvent(ev("run_retried", { retry: 1, previousError: "boom" }), labels)).toMatchObject({ text: "Retried from Fetch order", detail: "After: boom" });
    expect(describeEvent(ev("ai_call", { provider: "simulated", model: "sim-1", inputTokens: 1_000, outputTokens: 200, cost: 0.0042 }), labels).text).toBe(
      "Fetch order: AI call to simulated / sim-1, 1,200 tokens, $0.0042",
    );
    expect(describeEvent(ev("something_new", {}, null), labels).text).toBe("something new");
  });

  it("describes an agent's model turns and tool calls", () => {
    const turn = ev("agent_model", { turn: 1, text: "Let me look.", toolCalls: [{ callId: "c1", name: "lookup_order" }], inputTokens: 900, outputTokens: 100, cost: 0.0003 });
    expect(describeEvent(turn, labels)).toEqual({ text: "Fetch order: model turn 1 asked for lookup_order (1,000 tokens, $0.0003)", tone: "info", detail: "Let me look." });
    expect(describeEvent(ev("agent_tool", { name: "lookup_order", durationMs: 42, output: { status: 200 } }), labels)).toEqual({ text: "Fetch order: tool lookup_order answered in 42 ms", tone: "info", detail: '{"status":200}' });
    // A result cut for the model is text: shown as it is, not quoted again.
    expect(describeEvent(ev("agent_tool", { name: "lookup_order", durationMs: 7, output: '{"status":200}… (cut)' }), labels).detail).toBe('{"status":200}… (cut)');
    expect(describeEvent(ev("agent_tool", { name: "lookup_order", durationMs: 5, error: { message: "answered 503" } }), labels)).toEqual({ text: "Fetch order: tool lookup_order failed in 5 ms", tone: "wait", detail: "answered 503" });
  });

  it("says who decided a human step by name, not by user id", () => {
    const people = (id: string) => (id === "664f1a2b3c4d5e6f7a8b9c0d" ? "Avery Approver" : null);
    expect(describeEvent(ev("human_approval", { by: "664f1a2b3c4d5e6f7a8b9c0d", handle: "approve", outcome: "ok" }), labels, undefined, people).text).toBe("Fetch order: approved by Avery Approver");
    expect(describeEvent(ev("human_approval", { by: "664f1a2b3c4d5e6f7a8b9c0d", handle: "reject", outcome: "ok" }), labels, undefined, people).text).toBe("Fetch order: rejected by Avery Approver");
    expect(describeEvent(ev("human_approval", { by: "nobody-known", handle: "done", outcome: "ok" }), labels, undefined, people).text).toBe("Fetch order: completed via “done”");
  });
});
