import { describe, expect, it } from "vitest";
import type { SyncRunView } from "@/lib/builder/sync-contracts";
import { emptyCounters, type ResourceCounters } from "@/lib/sync/types";
import { etaSeconds, expectedFromHistory, liveRunStep, NO_RUN, resourceFraction } from "./live-run";
import { duration, eta } from "./format";

const c = (index: number, kind: string, more: Partial<ResourceCounters>): ResourceCounters => ({ ...emptyCounters(index, kind), ...more });

function run(status: SyncRunView["status"], counters: ResourceCounters[] = [], dryRun = false): SyncRunView {
  return {
    id: `run_${status}`, status, trigger: "button", dryRun, verify: false, cancelRequested: false, queuedAt: "2025-01-01T00:00:00.000Z", startedAt: null, finishedAt: null,
    durationMs: null, counters, totals: { pages: 0, items: 0, selected: 0, entities: 0, created: 0, updated: 0, unchanged: 0, failed: 0, deleted: 0, dropped: 0 }, errorCount: 0, deletionSkipped: null, failure: null,
  };
}

describe("expectedFromHistory", () => {
  it("takes the items of the newest succeeded real run, not a dry run or a failed one", () => {
    const history = [run("running"), run("succeeded", [c(0, "/users", { items: 99 })], true), run("failed", [c(0, "/users", { items: 5 })]), run("succeeded", [c(0, "/users", { items: 1000 })])];
    expect(expectedFromHistory(history)).toEqual([{ kind: "/users", items: 1000 }]);
  });
});

describe("liveRunStep", () => {
  const expected = [{ kind: "/users", items: 1000 }, { kind: "/groups", items: 50 }];

  it("follows a run from its stored record through progress to its end, with bars and an ETA", () => {
    let s = liveRunStep(NO_RUN, { type: "run", run: run("running") }, 0, expected);
    expect(s.resources).toEqual([]);
    s = liveRunStep(s, { type: "event", event: { type: "run-started", runId: "r", scope: "p", dryRun: false, resources: [{ index: 0, kind: "/users", expectedItems: null }, { index: 1, kind: "/groups", expectedItems: 60 }] } }, 0, expected);
    // The engine's own figure wins over the history's; the history fills what it lacks.
    expect(s.resources.map((r) => r.expected)).toEqual([1000, 60]);
    s = liveRunStep(s, { type: "event", event: { type: "progress", resource: c(0, "/users", { state: "running", pages: 1, items: 100 }) } }, 1_000, expected);
    s = liveRunStep(s, { type: "event", event: { type: "progress", resource: c(0, "/users", { state: "running", pages: 4, items: 400 }) } }, 4_000, expected);
    const users = s.resources[0]!;
    expect(resourceFraction(users)).toBeCloseTo(0.4);
    // 300 items in 3 s since first seen: 600 left take 6 s.
    expect(etaSeconds(users, 4_000)).toBeCloseTo(6);
    expect(resourceFraction(s.resources[1]!)).toBe(0);
    expect(s.ended).toBe(false);
    s = liveRunStep(s, { type: "run", run: run("succeeded", [c(0, "/users", { state: "done", items: 1000 }), c(1, "/groups", { state: "done", items: 60 })]) }, 9_000, expected);
    expect(s.ended).toBe(true);
    expect(s.resources.map(resourceFraction)).toEqual([1, 1]);
    expect(etaSeconds(s.resources[0]!, 9_000)).toBeNull();
  });

  it("draws a moving bar without a fraction when nothing says how many items will come", () => {
    let s = liveRunStep(NO_RUN, { type: "run", run: run("running", [c(0, "/devices", { state: "running", items: 10 })]) }, 0, []);
    s = liveRunStep(s, { type: "event", event: { type: "progress", resource: c(0, "/devices", { state: "running", items: 20 }) } }, 10, []);
    expect(resourceFraction(s.resources[0]!)).toBeNull();
    expect(etaSeconds(s.resources[0]!, 20)).toBeNull();
  });

  it("keeps live counters over an older stored snapshot while the run goes on", () => {
    let s = liveRunStep(NO_RUN, { type: "run", run: run("running", [c(0, "/users", { state: "running", items: 10 })]) }, 0, []);
    s = liveRunStep(s, { type: "event", event: { type: "progress", resource: c(0, "/users", { state: "running", items: 500 }) } }, 1, []);
    s = liveRunStep(s, { type: "run", run: run("running", [c(0, "/users", { state: "running", items: 300 })]) }, 2, []);
    expect(s.resources[0]!.counters.items).toBe(500);
  });
});

describe("format", () => {
  it("says durations and time left in words", () => {
    expect(duration(null)).toBe("—");
    expect(duration(420)).toBe("420 ms");
    expect(duration(4_200)).toBe("4.2 s");
    expect(duration(125_000)).toBe("2 min 5 s");
    expect(eta(null)).toBe("");
    expect(eta(12.4)).toBe("about 12 s left");
    expect(eta(600)).toBe("about 10 min left");
  });
});
