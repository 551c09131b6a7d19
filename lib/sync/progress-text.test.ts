import { describe, expect, it } from "vitest";
import { createProgressPrinter, progressBar, progressLine } from "./progress-text";
import { emptyCounters, type ResourceCounters } from "./types";

const counters = (patch: Partial<ResourceCounters>): ResourceCounters => ({ ...emptyCounters(0, "/users"), state: "running", ...patch });

describe("progress text", () => {
  it("a line per resource with the counts, the expected total and an ETA from the rate so far", () => {
    const c = counters({ pages: 3, items: 2_997, created: 10, updated: 2, unchanged: 2_985, failed: 1 });
    expect(progressLine(c, 9_000, { startedAt: 0, now: 3_000 })).toBe(
      "/users: 3 pages, 2,997/9,000 items, written 12, unchanged 2,985, failed 1, deleted 0, ETA 6 s",
    );
    expect(progressLine({ ...c, state: "failed" })).toMatch(/\(failed\)$/);
    expect(progressBar(c, 9_000, 10)).toBe("[###-------]  33% ");
    expect(progressBar({ ...c, state: "done" }, null, 10)).toBe("[##########] 100% ");
  });

  it("plain lines (no terminal): a line when a resource ends, none repeated, and its final figures at the end", () => {
    let t = 0;
    let text = "";
    const p = createProgressPrinter((s) => (text += s), { tty: false, now: () => t, lineEveryMs: 2000 });
    p.onEvent({ type: "run-started", runId: "r", scope: "s", dryRun: false, resources: [{ index: 0, kind: "/users", expectedItems: null }] });
    for (let page = 1; page <= 10; page++) {
      t += 500;
      p.onEvent({ type: "progress", resource: counters({ pages: page, items: page * 999 }) });
    }
    p.onEvent({ type: "progress", resource: counters({ pages: 10, items: 9_990, state: "done" }) });
    p.onEvent({ type: "progress", resource: counters({ pages: 10, items: 9_990, state: "done", created: 9_990 }) });
    p.end();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("sync started: /users");
    // 5 s of pages at one line per 2 s, the end of the listing, then the written figures.
    expect(lines.slice(1).map((l) => l.replace(/ items.*written ([\d,]+), unchanged.*/, " written $1"))).toEqual([
      "/users: 4 pages, 3,996 written 0",
      "/users: 8 pages, 7,992 written 0",
      "/users: 10 pages, 9,990 written 0",
      "/users: 10 pages, 9,990 written 9,990",
    ]);
  });

  it("on a terminal: the bars are redrawn in place", () => {
    let t = 0;
    let text = "";
    const p = createProgressPrinter((s) => (text += s), { tty: true, now: () => (t += 200) });
    p.onEvent({ type: "run-started", runId: "r", scope: "s", dryRun: false, resources: [{ index: 0, kind: "/users", expectedItems: 100 }] });
    p.onEvent({ type: "progress", resource: counters({ pages: 1, items: 50 }) });
    p.onEvent({ type: "progress", resource: counters({ pages: 2, items: 100, state: "done" }) });
    p.end();
    expect(text).toContain("\x1b[1A\x1b[2K[####################] 100% /users");
    expect(text).toContain("[##########----------]  50% /users: 1 page, 50/100 items");
  });
});
