/**
 * The "Fetch all pages" run as the page sees it: progress from the NDJSON events, then
 * one outcome. Kept apart from the hook so the classification is tested without a stream.
 */
import type { ExploreError, FetchAllEvent, SampleSummary } from "@/lib/builder/contracts";
import { pagesAndItems, plural } from "./format";

export type FetchAllOutcome =
  | { kind: "complete" }
  | { kind: "limit"; reason: string }
  | { kind: "cut"; reason: string }
  | { kind: "cancelled" }
  | { kind: "error"; error: ExploreError };

interface Counters {
  endpoint: string;
  maxPages: number;
  pages: number;
  items: number;
}

export type FetchAllState =
  | { phase: "idle" }
  | ({ phase: "running"; cancelling: boolean } & Counters)
  | ({ phase: "finished"; outcome: FetchAllOutcome; sample: SampleSummary | null } & Counters);

export type FetchAllAction =
  | { type: "start"; endpoint: string; maxPages: number }
  | { type: "event"; event: FetchAllEvent }
  | { type: "cancel" }
  | { type: "cancelled" }
  | { type: "failed"; error: ExploreError }
  | { type: "reset" };

export const IDLE: FetchAllState = { phase: "idle" };

/** A done event's outcome, from its facts rather than its wording. */
function outcomeOfDone(event: Extract<FetchAllEvent, { type: "done" }>, maxPages: number): FetchAllOutcome {
  if (event.complete) return { kind: "complete" };
  if (event.sample?.truncated) return { kind: "cut", reason: event.sample.truncated };
  if (event.reason?.startsWith("Cancelled")) return { kind: "cancelled" };
  if (event.pages >= maxPages) return { kind: "limit", reason: event.reason ?? `Stopped at the limit of ${plural(maxPages, "page")}; more pages remain.` };
  return { kind: "limit", reason: event.reason ?? "Stopped before the last page." };
}

export function fetchAllReducer(state: FetchAllState, action: FetchAllAction): FetchAllState {
  switch (action.type) {
    case "start":
      return { phase: "running", cancelling: false, endpoint: action.endpoint, maxPages: action.maxPages, pages: 0, items: 0 };
    case "reset":
      return IDLE;
  }
  if (state.phase !== "running") return state;
  const counters: Counters = { endpoint: state.endpoint, maxPages: state.maxPages, pages: state.pages, items: state.items };
  switch (action.type) {
    case "cancel":
      return { ...state, cancelling: true };
    case "cancelled":
      return { phase: "finished", ...counters, outcome: { kind: "cancelled" }, sample: null };
    case "failed":
      return { phase: "finished", ...counters, outcome: { kind: "error", error: action.error }, sample: null };
    case "event": {
      const e = action.event;
      const now = { ...counters, pages: e.pages, items: e.items };
      if (e.type === "progress") return { ...state, ...now, maxPages: e.maxPages };
      if (e.type === "error") return { phase: "finished", ...now, outcome: { kind: "error", error: e.error }, sample: e.sample };
      return { phase: "finished", ...now, outcome: outcomeOfDone(e, state.maxPages), sample: e.sample };
    }
  }
}

/** The sentence under the progress bar once the run is over. */
export function describeOutcome(state: Extract<FetchAllState, { phase: "finished" }>): string {
  const kept = state.sample ? `${plural(state.sample.itemCount, "item")} kept in the sample` : null;
  const read = pagesAndItems(state.pages, state.items);
  switch (state.outcome.kind) {
    case "complete":
      return `Complete: every page read (${read}); ${kept ?? "nothing kept"}.`;
    case "limit":
      return `${state.outcome.reason} ${read}${kept ? `; ${kept}` : ""}.`;
    case "cut":
      return `Cut: ${state.outcome.reason} ${read} read.`;
    case "cancelled":
      return state.pages > 0
        ? `Cancelled after ${read} arrived here; the server stops and keeps what it had read as the sample (the Samples list shows how much).`
        : "Cancelled before the first page arrived; the sample was not changed.";
    case "error":
      return state.pages > 0 ? `Stopped by an error after ${read}; what was read is kept as the sample.` : "Stopped by an error before the first page.";
  }
}
