// Storing a run state in one MongoDB (or FerretDB) document. The state's own structure is
// safe: no arrays directly inside arrays, no user data as keys. The user values inside it
// are not: an HTTP response can hold nested arrays or keys with "." and "$", which FerretDB
// refuses. encodeState turns each user value into a JSON string (absent when undefined);
// decodeState reverses it. Events carry user values too: encode them with encodeValue.
import type { JoinActivation, RunState, Token } from "./state";

export type Encoded = string | undefined;

export function encodeValue(value: unknown): Encoded {
  return value === undefined ? undefined : JSON.stringify(value);
}

export function decodeValue(encoded: unknown): unknown {
  return typeof encoded === "string" ? JSON.parse(encoded) : undefined;
}

type Codec = (value: unknown) => unknown;

function set<T extends object>(obj: T, key: keyof T & string, value: unknown): T {
  const copy = { ...obj } as Record<string, unknown>;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy as T;
}

function boxed<T extends { value?: unknown }>(box: T | undefined, codec: Codec): T | undefined {
  return box ? set(box, "value", codec(box.value)) : undefined;
}

function mapToken(token: Token, codec: Codec): Token {
  let out = token;
  if (token.input) out = { ...out, input: boxed(token.input, codec) };
  if (token.wait?.output) out = { ...out, wait: { ...token.wait, output: boxed(token.wait.output, codec) } };
  if (token.lastError && token.lastError.details !== undefined) out = { ...out, lastError: set(token.lastError, "details", codec(token.lastError.details)) };
  return out;
}

function mapJoin(join: JoinActivation, codec: Codec): JoinActivation {
  return { ...join, arrivals: join.arrivals.map((a) => (a.output ? { ...a, output: boxed(a.output, codec) } : a)) };
}

function mapState(state: RunState, codec: Codec): RunState {
  const out: RunState = {
    ...state,
    data: {
      variables: state.data.variables.map((v) => set(v, "value", codec(v.value))),
      outputs: state.data.outputs.map((o) => set(o, "output", codec(o.output))),
    },
    tokens: state.tokens.map((t) => mapToken(t, codec)),
    joins: state.joins.map((j) => mapJoin(j, codec)),
  };
  const input = codec(state.data.input);
  if (input !== undefined) out.data.input = input;
  if (state.output) out.output = set(state.output, "value", codec(state.output.value));
  if (state.stopped) {
    const { failed, tokens, joins } = state.stopped;
    out.stopped = { ...(failed ? { failed: mapToken(failed, codec) } : {}), tokens: tokens.map((t) => mapToken(t, codec)), joins: joins.map((j) => mapJoin(j, codec)) };
  }
  if (state.error && state.error.details !== undefined) out.error = set(state.error, "details", codec(state.error.details));
  return out;
}

/** The state with every user value as a JSON string: safe to store as one document. */
export function encodeState(state: RunState): RunState {
  return mapState(state, encodeValue);
}

/** The state as stored by encodeState, with its user values back. */
export function decodeState(stored: RunState): RunState {
  return mapState(stored, decodeValue);
}

/**
 * The state without its user values (inputs, outputs, variables' values, error details) and
 * without the failed run's frozen frontier: what the retention policy keeps of an old run. The
 * structure stays (nodes, their statuses and runs, timings, the error's message and code).
 */
export function withoutValues(state: RunState): RunState {
  const out = mapState(state, () => undefined);
  delete out.stopped;
  return out;
}
