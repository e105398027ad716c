import { describe, expect, it } from "vitest";
import { addPeople, emptyIds, FORMER_USER, peopleNames, personName, userIdsIn } from "./people";

const avery = "664f1a2b3c4d5e6f7a8b9c0d";
const gone = "664f1a2b3c4d5e6f7a8b9c0e";
const retired = "664f1a2b3c4d5e6f7a8b9c0f";
const invoice = "aaaaaaaaaaaaaaaaaaaaaaaa";

describe("user names in place of ids", () => {
  it("finds ids under person keys as people and other id-shaped strings as maybes", () => {
    const found = userIdsIn({ decision: "approve", decidedBy: avery, by: gone, values: { invoiceId: invoice, note: "hello" }, approvers: [{ user: retired }] });
    expect([...found.sure].sort()).toEqual([avery, gone, retired].sort());
    expect([...found.maybe]).toEqual([invoice]);
  });

  it("names active users, calls deactivated and missing people former users, and leaves unknown non-person ids out", () => {
    const found = addPeople(userIdsIn({ by: gone, ref: invoice, other: avery.toUpperCase() }), [retired, "someone@example.com", null]);
    const people = peopleNames(found, [
      { id: avery, name: "Avery Approver", active: true },
      { id: retired, name: "Rita Retired", active: false },
    ]);
    expect(people).toEqual({ [avery]: "Avery Approver", [gone]: FORMER_USER, [retired]: FORMER_USER });
    expect(personName(avery.toUpperCase(), people)).toBe("Avery Approver");
    expect(personName("someone@example.com", people)).toBe("someone@example.com");
    expect(personName("bbbbbbbbbbbbbbbbbbbbbbbb", people)).toBe(FORMER_USER);
    expect(personName(null, people)).toBeNull();
  });

  it("falls back to the email when a user has no name, and stops at a bounded number of ids", () => {
    expect(peopleNames(addPeople(emptyIds(), [avery]), [{ id: avery, name: " ", email: "avery@example.com" }])).toEqual({ [avery]: "avery@example.com" });
    const many = Array.from({ length: 2_000 }, (_, i) => ({ by: i.toString(16).padStart(24, "0") }));
    expect(userIdsIn(many).sure.size).toBe(500);
  });
});
