import { describe, expect, it } from "vitest";
import { sharedRead } from "./shared-read";

describe("sharedRead", () => {
  it("gives callers that arrive while a read is in flight that read, and reads again once it settled", async () => {
    let reads = 0;
    let release!: (value: string) => void;
    const read = () => {
      reads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = sharedRead("k", read);
    const second = sharedRead("k", read);
    expect(reads).toBe(1);
    release("one");
    expect(await Promise.all([first, second])).toEqual(["one", "one"]);
    await Promise.resolve();
    const third = sharedRead("k", read);
    expect(reads).toBe(2);
    release("two");
    expect(await third).toBe("two");
  });

  it("keeps keys apart and does not keep a failed read", async () => {
    let reads = 0;
    const failing = () => {
      reads += 1;
      return Promise.reject(new Error("database is locked"));
    };
    const other = sharedRead("b", async () => "b");
    await expect(sharedRead("a", failing)).rejects.toThrow("database is locked");
    await expect(sharedRead("a", failing)).rejects.toThrow("database is locked");
    expect(reads).toBe(2);
    expect(await other).toBe("b");
  });
});
