// The embedded database runs SQLite with synchronous=normal (lib/db/ferretdb.mjs, sqliteSyncMode):
// commits are not fsynced one by one. This proves what that mode still promises — every write the
// database acknowledged survives the database process being killed with SIGKILL — on its own
// FerretDB, so killing it disturbs no other test.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { ensureFerretDB, sqliteSyncMode, startFerretDB } from "./ferretdb.mjs";
import { TOOLS_DIR } from "../../scripts/lib/paths.mjs";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-sync-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the embedded database's sync mode", () => {
  it("keeps every acknowledged write across a SIGKILL of the database", { timeout: 120_000 }, async () => {
    const binary = ensureFerretDB({ toolsDir: TOOLS_DIR });
    const first = await startFerretDB({ binary, dataDir, sync: "normal" });
    const client = new MongoClient(first.uri, { serverSelectionTimeoutMS: 5_000 });
    const acknowledged: string[] = [];
    try {
      const deliveries = client.db().collection<{ _id: string; n: number }>("deliveries");
      // Concurrent writers, as webhook deliveries arrive; kill while more are in flight.
      const writers = Array.from({ length: 10 }, (_, w) =>
        (async () => {
          for (let i = 0; ; i++) {
            const _id = `w${w}-${i}`;
            try {
              await deliveries.insertOne({ _id, n: i });
            } catch {
              return; // the database went away mid-write: this one was never acknowledged
            }
            acknowledged.push(_id);
            if (acknowledged.length === 300) process.kill(first.pid!, "SIGKILL");
          }
        })(),
      );
      await Promise.all(writers);
    } finally {
      await client.close(true).catch(() => {});
      await first.stop();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const second = await startFerretDB({ binary, dataDir, sync: "normal" });
    const reader = new MongoClient(second.uri);
    try {
      const stored = new Set((await reader.db().collection("deliveries").find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged writes lost`).toEqual([]);
    } finally {
      await reader.close();
      await second.stop();
    }
  });

  it("accepts only normal or full", () => {
    expect(sqliteSyncMode(undefined)).toBe("normal");
    expect(sqliteSyncMode(" FULL ")).toBe("full");
    expect(() => sqliteSyncMode("off")).toThrow(/SWITCHYARD_DB_SYNC must be "normal" or "full" \(got "off"\)/);
  });
});
