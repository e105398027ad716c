// A document _id derived from an idempotency key, so "create once" is an upsert on _id: the
// only filter the embedded FerretDB answers from an index. 96 bits of SHA-256: collisions are
// not a practical concern. The ObjectId's embedded timestamp is meaningless for these ids:
// use the document's createdAt.
import { createHash } from "node:crypto";
import { Types } from "mongoose";

export function objectIdFromKey(namespace: string, key: string): Types.ObjectId {
  return new Types.ObjectId(createHash("sha256").update(`${namespace}\u0000${key}`).digest("hex").slice(0, 24));
}
