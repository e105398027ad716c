import { describe, expect, it } from "vitest";
import { runAgainLabels } from "./run-labels";

describe("runAgainLabels", () => {
  it("tells a test run's retry (its own frozen draft) from a re-run of the current draft", () => {
    const { retry, rerun } = runAgainLabels(null, 4);
    expect(retry.label).toBe("Retry with the version this run used");
    expect(rerun.label).toBe("Re-run with the current draft");
    expect(retry.detail).toContain("as it was when the run started");
  });

  it("names the versions of a published run, and says when the published one has moved on", () => {
    expect(runAgainLabels(3, 3)).toMatchObject({ retry: { label: "Retry with version 3 (used by this run)" }, rerun: { label: "Re-run with version 3" } });
    expect(runAgainLabels(3, 5).rerun.label).toBe("Re-run with version 5 (published now)");
    expect(runAgainLabels(3, 5).rerun.detail).toContain("this run used version 3");
    expect(runAgainLabels(3, null).rerun.label).toBe("Re-run with the published version");
  });
});
