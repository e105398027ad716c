// The run page's pieces for a pruned run, rendered to HTML as the server would send them.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunDetail } from "@/lib/runtime/contract";
import { RunData } from "./run-panels";
import { PrunedTimeline, RunPrunedNotice } from "./run-pruned";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ").trim();

describe("a pruned run on its page", () => {
  it("says when and why its details were removed", () => {
    const html = renderToStaticMarkup(<RunPrunedNotice pruned={{ at: "2026-12-03T07:40:00.000Z", reason: "age", limit: 30 }} />);
    expect(text(html)).toContain("Step inputs, outputs and the event log of this run were removed on 3 Dec 2026 by the retention policy (30 days).");
    expect(renderToStaticMarkup(<RunPrunedNotice pruned={null} />)).toBe("");
  });

  it("shows a sentence where the input, output and events were, not empty JSON", () => {
    const run = { status: "completed", input: undefined, output: undefined, pruned: { at: "2026-12-03T07:40:00.000Z", reason: "age", limit: 30 } } as unknown as RunDetail;
    const data = text(renderToStaticMarkup(<RunData run={run} />));
    expect(data).toContain("The run's input was removed by the retention policy.");
    expect(data).toContain("The run's output was removed by the retention policy.");
    expect(data).not.toContain("{}");
    expect(text(renderToStaticMarkup(<PrunedTimeline />))).toContain("This run's event log was removed by the retention policy.");
  });
});
