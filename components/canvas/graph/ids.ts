// Ids for new nodes and edges. Node ids double as JSONata names in `$nodes.<id>` and as keys of
// run data, so they start with a letter and use only letters, digits and "_" (graphIdSchema
// allows more; this keeps expressions free of backticks).

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomSuffix(length = 8): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** e.g. "decision_k3f9x2ab"; an unusable type name falls back to "node". */
export function newNodeId(type: string, taken?: ReadonlySet<string>): string {
  const prefix = /^[A-Za-z][A-Za-z0-9_]{0,30}$/.test(type) ? type : "node";
  for (;;) {
    const id = `${prefix}_${randomSuffix()}`;
    if (!taken?.has(id)) return id;
  }
}

export function newEdgeId(taken?: ReadonlySet<string>): string {
  for (;;) {
    const id = `e_${randomSuffix(10)}`;
    if (!taken?.has(id)) return id;
  }
}

/** True when `$nodes.<id>` can name the node without backticks. */
export function isPlainName(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(id);
}
