/**
 * A run as the progress panel draws it, folded from the NDJSON stream's messages (the
 * stored run, then the engine's events): counters per resource, the items each is
 * expected to reach (from the last complete sync) and when it started moving, for an ETA.
 * Pure, so the page and its tests share it.
 */
import type { SyncRunView, SyncStreamMessage } from "@/lib/builder/sync-contracts";
import { isTerminal } from "@/lib/builder/sync-contracts";
import type { DeletionReport, ResourceCounters } from "@/lib/sync/types";

export interface LiveResource {
  counters: ResourceCounters;
  /** Items the last complete sync read for this resource; null when unknown. */
  expected: number | null;
  /** When (ms) and at how many items this page first saw it running: the ETA's rate. */
  seenAt: number | null;
  seenItems: number;
}

export interface LiveRun {
  run: SyncRunView | null;
  resources: LiveResource[];
  deletion: DeletionReport | null;
  /** The run has ended (its stored record says so, or the engine's last event did). */
  ended: boolean;
}

export const NO_RUN: LiveRun = { run: null, resources: [], deletion: null, ended: false };

/** Items per resource of the last succeeded real run in `history` (newest first), by position and kind. */
export function expectedFromHistory(history: readonly SyncRunView[]): { kind: string; items: number }[] {
  const last = history.find((r) => r.status === "succeeded" && !r.dryRun);
  return last ? last.counters.map((c) => ({ kind: c.kind, items: c.items })) : [];
}

function withCounters(state: LiveRun, counters: ResourceCounters, at: number): LiveResource[] {
  const resources = [...state.resources];
  const before = resources[counters.index];
  const moving = counters.state === "running" && counters.items > 0;
  resources[counters.index] = {
    counters,
    expected: before?.expected ?? null,
    seenAt: before?.seenAt ?? (moving ? at : null),
    seenItems: before?.seenAt != null ? before.seenItems : moving ? counters.items : 0,
  };
  return resources;
}

export function liveRunStep(state: LiveRun, message: SyncStreamMessage, at: number, expected: readonly { kind: string; items: number }[] = []): LiveRun {
  const expectedOf = (index: number, kind: string, given: number | null = null) => given ?? (expected[index]?.kind === kind ? expected[index]!.items : null);
  if (message.type === "run") {
    const run = message.run;
    let resources = state.resources;
    // The stored counters are older than the events; they are the truth once the run ended, or before any event came.
    if (isTerminal(run.status) || resources.length === 0) {
      resources = run.counters.map((c) => ({ counters: c, expected: state.resources[c.index]?.expected ?? expectedOf(c.index, c.kind), seenAt: state.resources[c.index]?.seenAt ?? null, seenItems: state.resources[c.index]?.seenItems ?? 0 }));
    }
    return { ...state, run, resources, ended: state.ended || isTerminal(run.status) };
  }
  const event = message.event;
  switch (event.type) {
    case "run-started":
      return {
        ...state,
        resources: event.resources.map((r) => ({
          counters: state.resources[r.index]?.counters ?? { index: r.index, kind: r.kind, pages: 0, items: 0, selected: 0, entities: 0, created: 0, updated: 0, unchanged: 0, failed: 0, deleted: 0, dropped: 0, state: "pending" },
          expected: expectedOf(r.index, r.kind, r.expectedItems),
          seenAt: null,
          seenItems: 0,
        })),
      };
    case "progress":
      return { ...state, resources: withCounters(state, event.resource, at) };
    case "reconcile":
      return { ...state, deletion: event.deletion };
    case "run-finished":
      return { ...state, resources: event.summary.resources.reduce((acc, c) => withCounters({ ...state, resources: acc }, c, at), state.resources), deletion: event.summary.deletion, ended: true };
    default:
      return state;
  }
}

/** Between 0 and 1 when the resource's end is known; null while it can only be said to move. */
export function resourceFraction(r: LiveResource): number | null {
  const c = r.counters;
  if (c.state === "done") return 1;
  if (c.state === "pending") return 0;
  if (!r.expected) return null;
  return Math.min(1, c.items / r.expected);
}

/** Seconds left at the rate seen so far; null when it cannot be told yet. */
export function etaSeconds(r: LiveResource, now: number): number | null {
  const c = r.counters;
  if (c.state !== "running" || !r.expected || r.seenAt === null || c.items >= r.expected) return null;
  const read = c.items - r.seenItems;
  const elapsed = now - r.seenAt;
  if (read <= 0 || elapsed <= 0) return null;
  return ((r.expected - c.items) * elapsed) / read / 1000;
}
