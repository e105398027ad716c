import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyIdIndexPatch, ferretdbBinaryPath, ID_INDEX_PATCH } from "./ferretdb.mjs";

let dir: string;

function sourceTree(content: string | null): string {
  dir = mkdtempSync(path.join(os.tmpdir(), "ferretdb-patch-"));
  if (content !== null) {
    mkdirSync(path.dirname(path.join(dir, ID_INDEX_PATCH.file)), { recursive: true });
    writeFileSync(path.join(dir, ID_INDEX_PATCH.file), content);
  }
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the _id index patch of the embedded database", () => {
  it("spells IDColumn like the index expression", () => {
    const src = sourceTree(`const (\n\tDefaultColumn = backends.ReservedPrefix + "sjson"\n\t${ID_INDEX_PATCH.from}\n)\n`);
    applyIdIndexPatch(src);
    const patched = readFileSync(path.join(src, ID_INDEX_PATCH.file), "utf8");
    expect(patched).toContain('IDColumn = DefaultColumn + "->\\"_id\\""');
    expect(patched).not.toContain("'$._id'");
  });

  it("refuses to build when the line is not there", () => {
    const src = sourceTree(`const IDColumn = DefaultColumn + "->'$.id'"\n`);
    expect(() => applyIdIndexPatch(src)).toThrow(/Refusing to build FerretDB v1\.24\.2: the line to patch was found 0 times in internal\/backends\/sqlite\/metadata\/metadata\.go/);
  });

  it("refuses when the file is missing", () => {
    expect(() => applyIdIndexPatch(sourceTree(null))).toThrow(/not found \(the file is missing\)/);
  });

  it("gives the patched build its own name, so a stock binary in .tools/ferretdb is not reused", () => {
    expect(path.basename(ferretdbBinaryPath(".tools"))).toBe("ferretdb-1.24.2-idx");
  });
});
