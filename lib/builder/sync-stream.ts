/**
 * A run's live progress for the Sync page, as messages for an NDJSON stream: the run as
 * stored, then the engine's events as they come (progress events of one resource that
 * pile up while the reader is slow are merged into the latest), and the stored run again
 * whenever it changes. The stored run is read again every `pollMs` without events, so a
 * run worked on by another process (or an event missed) still ends the stream when the
 * run ends.
 */
import type { SyncEvent } from "../sync/types";
import { isTerminal, type SyncRunView, type SyncStreamMessage } from "./sync-contracts";

export interface RunEventSource {
  subscribe(runId: string, listener: (event: SyncEvent) => void): () => void;
}

export interface RunStreamOptions {
  runId: string;
  /** The run as stored now. */
  read(): Promise<SyncRunView>;
  /** This process's runner (null when it did not start). */
  source: RunEventSource | null;
  signal: AbortSignal;
  pollMs?: number;
  /** Least time between two batches of events (the merging window). */
  batchMs?: number;
}

/** Pending events; a progress event replaces the pending one of the same resource. */
export class EventMailbox {
  private pending: SyncEvent[] = [];
  private wake: (() => void) | null = null;

  put(event: SyncEvent): void {
    if (event.type === "progress") {
      const at = this.pending.findIndex((e) => e.type === "progress" && e.resource.index === event.resource.index);
      if (at >= 0) {
        this.pending[at] = event;
        return;
      }
    }
    this.pending.push(event);
    this.wake?.();
  }

  /** What is pending now (maybe nothing), without waiting. */
  drain(): SyncEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** What is pending, at once; otherwise waits for an event, `timeoutMs` or the signal (then empty). */
  async take(timeoutMs: number, signal: AbortSignal): Promise<SyncEvent[]> {
    if (this.pending.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.wake = null;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener("abort", done);
        this.wake = done;
      });
    }
    return this.drain();
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });

export async function* runStream(o: RunStreamOptions): AsyncGenerator<SyncStreamMessage> {
  const mailbox = new EventMailbox();
  // Subscribed before the first read, so no event falls between the two.
  const unsubscribe = o.source?.subscribe(o.runId, (event) => mailbox.put(event)) ?? (() => undefined);
  try {
    let run = await o.read();
    let sent = JSON.stringify(run);
    yield { type: "run", run };
    while (!isTerminal(run.status) && !o.signal.aborted) {
      const events = await mailbox.take(o.pollMs ?? 1000, o.signal);
      for (const event of events) yield { type: "event", event };
      if (o.signal.aborted) break;
      // Progress is in the events; the stored run is read when they stop or the run ends.
      if (events.length === 0 || events.some((e) => e.type === "run-finished" || e.type === "reconcile")) {
        run = await o.read();
        // Events that came while reading (the last ones of a run that just ended) go first.
        for (const event of mailbox.drain()) yield { type: "event", event };
        const text = JSON.stringify(run);
        if (text !== sent) yield { type: "run", run };
        sent = text;
      } else {
        await pause(o.batchMs ?? 100, o.signal);
      }
    }
  } finally {
    unsubscribe();
  }
}
