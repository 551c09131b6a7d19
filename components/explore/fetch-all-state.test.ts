import { describe, expect, it } from "vitest";
import type { FetchAllEvent, SampleSummary } from "@/lib/builder/contracts";
import { describeOutcome, fetchAllReducer, IDLE, type FetchAllAction, type FetchAllState } from "./fetch-all-state";

const sample = (patch: Partial<SampleSummary> = {}): SampleSummary => ({
  id: "s1",
  endpoint: "/users",
  itemCount: 0,
  bytes: 2,
  pages: 0,
  truncated: null,
  hasNextPage: false,
  request: { path: "/users", query: {}, consistencyLevelEventual: false },
  updatedAt: "2025-01-01T00:00:00.000Z",
  ...patch,
});

function run(actions: FetchAllAction[]): FetchAllState {
  return actions.reduce(fetchAllReducer, IDLE);
}

const start: FetchAllAction = { type: "start", endpoint: "/users", maxPages: 10 };
const progress = (pages: number, items: number): FetchAllAction => ({ type: "event", event: { type: "progress", pages, items, maxPages: 10 } });
const done = (e: Omit<Extract<FetchAllEvent, { type: "done" }>, "type">): FetchAllAction => ({ type: "event", event: { type: "done", ...e } });

function finished(state: FetchAllState) {
  if (state.phase !== "finished") throw new Error(`expected finished, got ${state.phase}`);
  return state;
}

describe("a fetch-all run as the page sees it", () => {
  it("counts pages and items as progress arrives", () => {
    const state = run([start, progress(1, 100), progress(2, 200)]);
    expect(state).toMatchObject({ phase: "running", pages: 2, items: 200, maxPages: 10, cancelling: false });
  });

  it("ends complete when Graph had no more pages", () => {
    const state = finished(run([start, progress(3, 250), done({ pages: 3, items: 250, complete: true, reason: null, sample: sample({ itemCount: 250, pages: 3 }) })]));
    expect(state.outcome).toEqual({ kind: "complete" });
    expect(describeOutcome(state)).toBe("Complete: every page read (3 pages · 250 items); 250 items kept in the sample.");
  });

  it("tells the page limit from the sample's cut, from the facts", () => {
    const limit = finished(
      run([start, done({ pages: 10, items: 1000, complete: false, reason: "Stopped at the limit of 10 pages; more pages remain.", sample: sample({ itemCount: 1000, hasNextPage: true }) })]),
    );
    expect(limit.outcome).toEqual({ kind: "limit", reason: "Stopped at the limit of 10 pages; more pages remain." });
    expect(describeOutcome(limit)).toMatch(/^Stopped at the limit of 10 pages; more pages remain\. 10 pages · 1,000 items; 1,000 items kept/);
    const cutReason = "Kept the first 5,000 items: a sample holds at most 5,000.";
    const cut = finished(run([start, done({ pages: 6, items: 5000, complete: false, reason: cutReason, sample: sample({ itemCount: 5000, truncated: cutReason }) })]));
    expect(cut.outcome).toEqual({ kind: "cut", reason: cutReason });
    expect(describeOutcome(cut)).toBe(`Cut: ${cutReason} 6 pages · 5,000 items read.`);
  });

  it("keeps Graph's error with its hint, and says what was kept", () => {
    const error = { code: "Authorization_RequestDenied", message: "Insufficient privileges.", hint: "Grant Group.Read.All." };
    const state = finished(run([start, progress(1, 100), { type: "event", event: { type: "error", pages: 1, items: 100, error, sample: sample() } }]));
    expect(state.outcome).toEqual({ kind: "error", error });
    expect(describeOutcome(state)).toMatch(/after 1 page · 100 items; what was read is kept/);
  });

  it("cancel: marks cancelling, then ends cancelled with the counts it had", () => {
    const cancelling = run([start, progress(2, 200), { type: "cancel" }]);
    expect(cancelling).toMatchObject({ phase: "running", cancelling: true });
    const state = finished(fetchAllReducer(cancelling, { type: "cancelled" }));
    expect(state).toMatchObject({ pages: 2, items: 200, outcome: { kind: "cancelled" } });
    expect(describeOutcome(state)).toMatch(/^Cancelled after 2 pages · 200 items arrived here; the server stops and keeps/);
    expect(describeOutcome(finished(run([start, { type: "cancelled" }])))).toMatch(/before the first page/);
  });

  it("ignores anything after the end, and a new start begins from zero", () => {
    const ended = run([start, done({ pages: 1, items: 5, complete: true, reason: null, sample: sample() })]);
    expect(fetchAllReducer(ended, progress(9, 900))).toBe(ended);
    expect(fetchAllReducer(ended, { type: "cancelled" })).toBe(ended);
    expect(fetchAllReducer(ended, start)).toMatchObject({ phase: "running", pages: 0, items: 0 });
    expect(fetchAllReducer(IDLE, progress(1, 1))).toBe(IDLE);
  });
});
