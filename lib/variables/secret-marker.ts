import "server-only";
// How a secret variable appears inside a run. The run's `$vars` never holds a secret's value:
// it holds a marker, "⟦secret:<name>:<tag>⟧", which is what the run state, events, the step
// records and the run page show. Only the HTTP step's header values are filled at step time
// (lib/variables/fill-secrets.ts), right before the request is sent, so the value reaches the
// remote server and nothing else. The tag is an HMAC of the run id and the name under
// CREDENTIALS_KEY: a marker typed into a run's input, or copied from another run, is refused.
import { createHmac, timingSafeEqual } from "node:crypto";
import { credentialsKey } from "@/lib/credentials/crypto";

export const MARKER_PATTERN = /⟦secret:([A-Za-z_][A-Za-z0-9_]{0,63}):([a-f0-9]{16})⟧/g;

function tagFor(runId: string, name: string): string {
  return createHmac("sha256", credentialsKey()).update(`variable-marker:${runId}:${name}`).digest("hex").slice(0, 16);
}

export function secretMarker(runId: string, name: string): string {
  return `⟦secret:${name}:${tagFor(runId, name)}⟧`;
}

/** True when `tag` was made for this run and name. */
export function markerIsGenuine(runId: string, name: string, tag: string): boolean {
  const expected = Buffer.from(tagFor(runId, name));
  const given = Buffer.from(tag);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
