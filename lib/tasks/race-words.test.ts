import { describe, expect, it } from "vitest";
import { alreadyClosed, closureVerb, heldByOther, lostRace, winnerWords } from "./race-words";

const now = new Date("2026-11-22T12:00:00Z");
const twoMinutesAgo = new Date(now.getTime() - 2 * 60_000);

describe("telling the loser of a race who won and when", () => {
  it("names the winner, what they did and when, in words and as a moment", () => {
    expect(winnerWords({ did: "approved", name: "Avery Approver", at: twoMinutesAgo }, now)).toBe("Avery Approver approved this task 2 minutes ago (22 Nov 2026, 11:58:00 UTC)");
    expect(alreadyClosed({ did: closureVerb("completed", { decision: "reject" }), name: "Avery Approver", at: now.toISOString() }, now)).toBe(
      "Avery Approver rejected this task just now (22 Nov 2026, 12:00:00 UTC). Nothing was changed.",
    );
    expect(lostRace({ did: "claimed", name: "Blake", at: now }, "claim", now)).toBe("Blake claimed this task just now (22 Nov 2026, 12:00:00 UTC), so your claim was not applied.");
  });

  it("says what happened when no person did it", () => {
    expect(alreadyClosed({ did: closureVerb("cancelled", { reason: "run cancelled" }), name: null, at: twoMinutesAgo }, now)).toBe(
      "This task was cancelled 2 minutes ago (22 Nov 2026, 11:58:00 UTC). Nothing was changed.",
    );
    expect(winnerWords({ did: "approved", name: "a former user", at: null }, now)).toBe("A former user approved this task");
  });

  it("says who holds a task and since when", () => {
    expect(heldByOther("Mia", twoMinutesAgo, now)).toBe("Mia holds this task (claimed 2 minutes ago, 22 Nov 2026, 11:58:00 UTC). Nothing was changed.");
    expect(heldByOther("a former user", null, now)).toBe("A former user holds this task. Nothing was changed.");
  });
});
