// A working copy of a run state for one transition. The state passed in is never mutated:
// the draft copies the top-level lists once and replaces entries instead of editing them, so
// a transition costs O(lists) pointer copies, and old states stay valid (and can be frozen).
import type { CompiledGraph } from "./compiled-graph";
import type { EngineEvent } from "./events";
import {
  stepIdFor,
  type Arrival,
  type Boxed,
  type NodeRecord,
  type RunState,
  type Token,
  type Transition,
} from "./state";

/** Copy of obj without the given keys (absent rather than undefined, so states compare and persist cleanly). */
export function without<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...obj };
  for (const key of keys) delete copy[key];
  return copy;
}

export class Draft {
  readonly state: RunState;
  readonly events: EngineEvent[] = [];
  retryAt?: number;

  constructor(
    base: RunState,
    readonly graph: CompiledGraph,
    readonly now: number,
  ) {
    this.state = {
      ...base,
      tokens: [...base.tokens],
      joins: [...base.joins],
      nodes: [...base.nodes],
      data: { ...base.data, variables: [...base.data.variables], outputs: [...base.data.outputs] },
    };
  }

  emit(event: EngineEvent): EngineEvent {
    this.events.push(event);
    return event;
  }

  token(stepId: string): Token | undefined {
    return this.state.tokens.find((t) => t.stepId === stepId);
  }

  putToken(token: Token): void {
    const i = this.state.tokens.findIndex((t) => t.stepId === token.stepId);
    if (i >= 0) this.state.tokens[i] = token;
    else this.state.tokens.push(token);
  }

  removeToken(stepId: string): void {
    const i = this.state.tokens.findIndex((t) => t.stepId === stepId);
    if (i >= 0) this.state.tokens.splice(i, 1);
  }

  /** A new activation of a node, ready to run. */
  addToken(nodeId: string, from?: Arrival, input?: Boxed): Token {
    const record = this.record(nodeId);
    const activations = (record?.activations ?? 0) + 1;
    const token: Token = { stepId: stepIdFor(nodeId, activations), nodeId, attempt: 1, state: "ready", createdAt: this.now };
    if (from) token.from = from;
    if (input) token.input = input;
    this.state.tokens.push(token);
    this.putRecord({ nodeId, activations, runs: record?.runs ?? 0, status: "ready", lastStepId: token.stepId });
    return token;
  }

  record(nodeId: string): NodeRecord | undefined {
    return this.state.nodes.find((r) => r.nodeId === nodeId);
  }

  putRecord(record: NodeRecord): void {
    const i = this.state.nodes.findIndex((r) => r.nodeId === record.nodeId);
    if (i >= 0) this.state.nodes[i] = record;
    else this.state.nodes.push(record);
  }

  updateRecord(nodeId: string, patch: Partial<NodeRecord>): void {
    const record = this.record(nodeId) ?? { nodeId, activations: 0, runs: 0, status: "ready" as const };
    this.putRecord({ ...record, ...patch });
  }

  setVariable(name: string, value: unknown): void {
    const vars = this.state.data.variables;
    const i = vars.findIndex((v) => v.name === name);
    if (i >= 0) vars[i] = { name, value };
    else vars.push({ name, value });
  }

  /**
   * Records a node's latest output. Tokens and join arrivals still pointing at the node's
   * previous output get their own copy of it first, so they keep the input they were sent.
   */
  setOutput(nodeId: string, stepId: string, output: unknown): void {
    const outputs = this.state.data.outputs;
    const i = outputs.findIndex((o) => o.nodeId === nodeId);
    const previous = i >= 0 ? outputs[i] : undefined;
    if (previous && previous.stepId !== stepId) {
      const sentBefore = (from?: Arrival) => from?.nodeId === nodeId && from.stepId === previous.stepId;
      this.state.tokens.forEach((t, k) => {
        if (!t.input && sentBefore(t.from)) this.state.tokens[k] = { ...t, input: { value: previous.output } };
      });
      this.state.joins.forEach((join, k) => {
        if (!join.arrivals.some((a) => !a.output && sentBefore(a))) return;
        const arrivals = join.arrivals.map((a) => (!a.output && sentBefore(a) ? { ...a, output: { value: previous.output } } : a));
        this.state.joins[k] = { ...join, arrivals };
      });
    }
    const entry = { nodeId, stepId, output };
    if (i >= 0) outputs[i] = entry;
    else outputs.push(entry);
  }

  transition(): Transition {
    const schedule: Transition["schedule"] = {};
    if (this.state.wakeAt !== undefined) schedule.wakeAt = this.state.wakeAt;
    if (this.retryAt !== undefined) schedule.retryAt = this.retryAt;
    return { state: this.state, events: this.events, schedule };
  }
}

/** The answer of a call that changes nothing. */
export function unchanged(state: RunState, why: string): Transition {
  const schedule: Transition["schedule"] = state.wakeAt !== undefined ? { wakeAt: state.wakeAt } : {};
  return { state, events: [], schedule, ignored: why };
}
