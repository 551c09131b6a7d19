import { describe, expect, it } from "vitest";
import { emptyCounters, type SyncEvent } from "../sync/types";
import type { SyncRunView } from "./sync-contracts";
import { EventMailbox, runStream, type RunEventSource } from "./sync-stream";

const progress = (index: number, items: number): SyncEvent => ({ type: "progress", resource: { ...emptyCounters(index, `/k${index}`), items } });

function view(status: SyncRunView["status"]): SyncRunView {
  return {
    id: "run_1", status, trigger: "button", dryRun: false, verify: false, cancelRequested: false, queuedAt: "2025-01-01T00:00:00.000Z",
    startedAt: null, finishedAt: null, durationMs: null, counters: [], totals: { pages: 0, items: 0, selected: 0, entities: 0, created: 0, updated: 0, unchanged: 0, failed: 0, deleted: 0, dropped: 0 },
    errorCount: 0, deletionSkipped: null, failure: null,
  };
}

/** A runner stand-in: events are pushed by the test; subscriptions are counted. */
function fakeSource() {
  const listeners = new Set<(e: SyncEvent) => void>();
  const source: RunEventSource = {
    subscribe(_runId, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { source, emit: (e: SyncEvent) => listeners.forEach((l) => l(e)), get listening() { return listeners.size; } };
}

describe("EventMailbox", () => {
  it("keeps only the latest pending progress of a resource, and every other event in order", async () => {
    const box = new EventMailbox();
    box.put(progress(0, 1));
    box.put(progress(1, 5));
    box.put(progress(0, 2));
    box.put({ type: "blueprints", created: ["u"], updated: [] });
    box.put(progress(0, 3));
    const taken = await box.take(1_000, new AbortController().signal);
    expect(taken.map((e) => (e.type === "progress" ? `${e.resource.index}:${e.resource.items}` : e.type))).toEqual(["0:3", "1:5", "blueprints"]);
    expect(await box.take(0, new AbortController().signal)).toEqual([]);
  });

  it("wakes a waiting take when an event comes", async () => {
    const box = new EventMailbox();
    const waiting = box.take(60_000, new AbortController().signal);
    box.put(progress(2, 7));
    expect(await waiting).toHaveLength(1);
  });
});

describe("runStream", () => {
  it("sends the stored run, the events, then the finished run, and stops listening", async () => {
    const fake = fakeSource();
    const stored: SyncRunView[] = [view("running"), view("succeeded")];
    let reads = 0;
    const stream = runStream({ runId: "run_1", read: async () => stored[Math.min(reads++, stored.length - 1)]!, source: fake.source, signal: new AbortController().signal, pollMs: 60_000, batchMs: 0 });
    const first = await stream.next();
    expect(first.value).toEqual({ type: "run", run: view("running") });
    expect(fake.listening).toBe(1);
    const nextMessage = stream.next();
    fake.emit(progress(0, 10));
    expect((await nextMessage).value).toEqual({ type: "event", event: progress(0, 10) });
    const afterFinish = stream.next();
    fake.emit({ type: "run-finished", summary: {} as never });
    expect(((await afterFinish).value as { type: string }).type).toBe("event");
    expect((await stream.next()).value).toEqual({ type: "run", run: view("succeeded") });
    expect((await stream.next()).done).toBe(true);
    expect(fake.listening).toBe(0);
  });

  it("sends the events that came while the ended run was read before the ended run", async () => {
    const fake = fakeSource();
    let reads = 0;
    // The engine's last events land while the stream reads the row the runner just finished.
    const read = async () => {
      reads += 1;
      if (reads === 1) return view("running");
      fake.emit({ type: "run-finished", summary: {} as never });
      return view("succeeded");
    };
    const stream = runStream({ runId: "run_1", read, source: fake.source, signal: new AbortController().signal, pollMs: 60_000, batchMs: 0 });
    await stream.next();
    const next = stream.next();
    fake.emit({ type: "reconcile", deletion: {} as never });
    const rest: string[] = [];
    for (let m = await next; !m.done; m = await stream.next()) rest.push(m.value.type === "run" ? `run:${m.value.run.status}` : m.value.event.type);
    expect(rest).toEqual(["reconcile", "run-finished", "run:succeeded"]);
  });

  it("ends when the stored run ends without any event (a run of another process)", async () => {
    const stored = [view("queued"), view("queued"), view("running"), view("cancelled")];
    let reads = 0;
    const seen: string[] = [];
    for await (const m of runStream({ runId: "run_1", read: async () => stored[Math.min(reads++, stored.length - 1)]!, source: null, signal: new AbortController().signal, pollMs: 1 })) {
      if (m.type === "run") seen.push(m.run.status);
    }
    // An unchanged read is not sent again.
    expect(seen).toEqual(["queued", "running", "cancelled"]);
  });

  it("ends at once for a finished run, and when the reader goes away", async () => {
    const done: string[] = [];
    for await (const m of runStream({ runId: "run_1", read: async () => view("failed"), source: null, signal: new AbortController().signal })) done.push(m.type);
    expect(done).toEqual(["run"]);

    const gone = new AbortController();
    const fake = fakeSource();
    const stream = runStream({ runId: "run_1", read: async () => view("running"), source: fake.source, signal: gone.signal, pollMs: 60_000 });
    await stream.next();
    const pending = stream.next();
    gone.abort();
    expect((await pending).done).toBe(true);
    expect(fake.listening).toBe(0);
  });
});
