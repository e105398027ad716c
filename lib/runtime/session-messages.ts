// Applying a run's messages in its worker: a cancel request ends the run (its steps in flight
// are aborted); a retry continues a failed run from the step that failed; an answer completes a waiting step through the core. An answer for a step that
// has not started waiting yet (a child run faster than its parent's step) is kept for later;
// one for a step that is gone, or an unreadable message, is marked applied and dropped.
import { cancelRun, resumeWaiting } from "@/lib/engine/interpreter";
import { rerunWaiting } from "@/lib/engine/rerun-waiting";
import { approvedUsdOf, BUDGET_WAIT_REASON } from "@/lib/ai/budget/wait";
import { retryFailedRun } from "@/lib/engine/retry-failed";
import { isTerminal } from "@/lib/engine/state";
import { recordHuman } from "./book";
import type { RunEvent } from "./event-records";
import type { RunSession } from "./session";

export function applyMessages(session: RunSession, now: number): void {
  for (const message of session.messages) {
    if (session.applied.has(message.id)) continue;
    const body = message.body;
    if (body?.kind === "cancel") {
      session.ack(message.id);
      const cancelled = cancelRun(session.state, session.graph, now, { reason: body.reason, ...(body.by ? { by: body.by } : {}) });
      if (session.accept(cancelled, body.metadata)) session.abortAll("the run was cancelled");
      continue;
    }
    if (body?.kind === "retry") {
      session.ack(message.id);
      const retried = retryFailedRun(session.state, session.graph, now, body.by ? { by: body.by } : {});
      // The waits the failure interrupted were cancelled when the run ended; the next end must not cancel them again.
      if (session.accept(retried, body.metadata)) session.book.cancelledWaits = [];
      continue;
    }
    const token = body ? session.state.tokens.find((t) => t.stepId === body.stepId) : undefined;
    if (body && token && token.state !== "waiting" && !isTerminal(session.state.status)) continue;
    session.ack(message.id);
    if (!body || !token || token.attempt !== body.attempt) continue;
    // An approved budget pause runs the AI step again (now within the raised budget); a refusal fails it.
    const approvedSpend = body.reason === BUDGET_WAIT_REASON && body.result.kind === "ok";
    const resumed = approvedSpend ? rerunWaiting(session.state, session.graph, body.stepId, now) : resumeWaiting(session.state, session.graph, body.stepId, body.result, now);
    if (resumed.ignored) continue;
    if (approvedSpend) session.book.metrics.approvedExtraUsd = (session.book.metrics.approvedExtraUsd ?? 0) + approvedUsdOf(body.result.kind === "ok" ? body.result.output : null);
    if (body.reason === "human" || body.reason === BUDGET_WAIT_REASON) {
      const handle = body.result.kind === "ok" ? body.result.handle : undefined;
      const approval: RunEvent = { type: "human_approval", at: now, nodeId: token.nodeId, stepId: token.stepId, by: body.by, outcome: body.result.kind, ...(handle ? { handle } : {}) };
      session.addEvents([approval], body.metadata);
      const waitedMs = token.wait ? now - token.wait.since : undefined;
      recordHuman(session.book, { nodeId: token.nodeId, stepId: token.stepId, by: body.by, at: now, ...(handle ? { handle } : {}), ...(waitedMs !== undefined ? { waitedMs } : {}) });
    }
    session.accept(resumed, body.metadata);
  }
}
