import { describe, expect, it } from "vitest";
import type { SampleSummary } from "@/lib/builder/contracts";
import { currentSample } from "./current-sample";

const summary = (patch: Partial<SampleSummary>): SampleSummary => ({
  id: "s1",
  endpoint: "/users",
  itemCount: 300,
  bytes: 10,
  pages: 3,
  truncated: null,
  hasNextPage: true,
  request: { path: "/users", query: {}, consistencyLevelEventual: false },
  updatedAt: "2025-01-01T10:00:00.000Z",
  ...patch,
});

describe("where an answer's sample stands now", () => {
  it("is the answer's own summary while the list has nothing newer", () => {
    const answer = summary({});
    expect(currentSample(answer, undefined)).toEqual({ sample: answer, changedSince: false });
    expect(currentSample(answer, [])).toEqual({ sample: answer, changedSince: false });
    // The list still holds the summary from before this answer.
    expect(currentSample(answer, [summary({ pages: 1, itemCount: 100, updatedAt: "2025-01-01T09:00:00.000Z" })])).toEqual({ sample: answer, changedSince: false });
  });

  it("is the list's summary once a later run replaced the sample", () => {
    const answer = summary({});
    const later = summary({ pages: 4, itemCount: 200, updatedAt: "2025-01-01T10:05:00.000Z" });
    expect(currentSample(answer, [summary({ endpoint: "/groups", updatedAt: "2030-01-01T00:00:00.000Z" }), later])).toEqual({ sample: later, changedSince: true });
  });
});
