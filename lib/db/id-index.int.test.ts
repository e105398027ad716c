// The embedded database answers reads and updates by _id from its index (lib/db/ferretdb.mjs,
// ID_INDEX_PATCH): the same lookups take about as long in 100,000 documents as in 1,000. On the
// stock FerretDB 1.24 build they scan the table and this fails (measured: find 11 → 178 ms,
// update 28 → 587 ms; docs/data.md). To see it fail: SWITCHYARD_TEST_FERRETDB=<a stock binary>.
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { probeIdLookups } from "./id-lookup-probe";

// Below a millisecond the ratio is noise, not a scan.
const floor = (ms: number) => Math.max(ms, 1);

describe("_id lookups on the embedded database", () => {
  it("stay flat from 1,000 to 100,000 documents (within 3×)", { timeout: 180_000 }, async () => {
    const [small, big] = await probeIdLookups(mongoose.connection.db!, [1_000, 100_000]);
    expect(big.size).toBe(100_000);
    expect(big.findMs, `find by _id: ${small.findMs.toFixed(2)} ms at 1k, ${big.findMs.toFixed(2)} ms at 100k`).toBeLessThanOrEqual(3 * floor(small.findMs));
    expect(big.updateMs, `update by _id: ${small.updateMs.toFixed(2)} ms at 1k, ${big.updateMs.toFixed(2)} ms at 100k`).toBeLessThanOrEqual(3 * floor(small.updateMs));
  });
});
