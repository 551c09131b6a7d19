/**
 * Progress in words, for the command line: a bar per resource on a terminal, plain lines
 * otherwise (a CI log). Pure formatting; the caller decides when to draw.
 */
import { emptyCounters, type ResourceCounters, type SyncEvent, type SyncSummary } from "./types";

const n = (v: number) => v.toLocaleString("en-US");

export interface RateClock {
  /** When the resource started, ms. */
  startedAt: number;
  now: number;
}

function eta(counters: ResourceCounters, expected: number | null, clock: RateClock): string {
  if (!expected || counters.items === 0 || counters.items >= expected) return "";
  const seconds = ((clock.now - clock.startedAt) / counters.items) * (expected - counters.items) / 1000;
  if (!Number.isFinite(seconds)) return "";
  return seconds >= 90 ? `, ETA ${Math.round(seconds / 60)} min` : `, ETA ${Math.max(1, Math.round(seconds))} s`;
}

/** `/users: 4 pages, 3,996 items, written 12, unchanged 3,984, failed 0, deleted 0`. */
export function progressLine(c: ResourceCounters, expected: number | null = null, clock?: RateClock): string {
  const written = c.created + c.updated;
  return `${c.kind}: ${n(c.pages)} page${c.pages === 1 ? "" : "s"}, ${n(c.items)}${expected ? `/${n(expected)}` : ""} items, written ${n(written)}, unchanged ${n(c.unchanged)}, failed ${n(c.failed)}, deleted ${n(c.deleted)}${clock ? eta(c, expected, clock) : ""}${c.state === "done" || c.state === "pending" || c.state === "running" ? "" : ` (${c.state})`}`;
}

/** `[########------------] 40% ` before the line; without a total, a bar that only says it moves. */
export function progressBar(c: ResourceCounters, expected: number | null, width = 20): string {
  if (c.state === "done") return `[${"#".repeat(width)}] 100% `;
  if (!expected) return `[${"#".repeat(Math.min(width, c.pages % (width + 1)))}${"-".repeat(width - Math.min(width, c.pages % (width + 1)))}]      `;
  const f = Math.min(1, c.items / expected);
  const filled = Math.round(f * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% `;
}

/** The last lines: outcome, and why nothing was deleted when it was not. */
export function summaryLines(s: SyncSummary): string[] {
  const t = s.totals;
  const lines = [
    `${s.dryRun ? "dry run" : "sync"} ${s.status}: ${n(t.entities)} entities, ${n(t.created)} ${s.dryRun ? "to create" : "created"}, ${n(t.updated)} ${s.dryRun ? "to update" : "updated"}, ${n(t.unchanged)} unchanged, ${n(t.failed)} failed, ${n(s.dryRun ? (s.plan ?? []).reduce((a, p) => a + p.delete, 0) : t.deleted)} ${s.dryRun ? "to delete" : "deleted"} in ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  if (s.deletion.skippedReason) lines.push(`${s.dryRun ? "would not delete" : "deletion skipped"}: ${s.deletion.skippedReason}`);
  for (const e of s.errors.slice(0, 5)) lines.push(`error (${e.stage}${e.identifier ? ` ${e.identifier}` : ""}): ${e.message}`);
  if (s.errorCount > 5) lines.push(`... ${n(s.errorCount - 5)} more errors (see the JSON summary)`);
  return lines;
}

export interface ProgressPrinter {
  onEvent(event: SyncEvent): void;
  /** Draws the last state (the bar's final frame). */
  end(): void;
}

/**
 * Turns events into text: on a terminal, one bar per resource redrawn in place (at most
 * every `frameMs`); otherwise one plain line per resource every `lineEveryMs` and when its
 * state changes, so a CI log stays short.
 */
export function createProgressPrinter(write: (text: string) => void, options: { tty: boolean; now?: () => number; frameMs?: number; lineEveryMs?: number }): ProgressPrinter {
  const now = options.now ?? Date.now;
  interface Row {
    c: ResourceCounters;
    expected: number | null;
    startedAt: number;
    lastLine: number;
    lastState: string;
    printed: string;
  }
  const resources = new Map<number, Row>();
  let drawnLines = 0;
  let lastFrame = 0;

  const draw = () => {
    lastFrame = now();
    const lines = [...resources.values()].map((r) => progressBar(r.c, r.expected) + progressLine(r.c, r.expected, { startedAt: r.startedAt, now: lastFrame }));
    write(`${drawnLines ? `\x1b[${drawnLines}A` : ""}${lines.map((l) => `\x1b[2K${l}\n`).join("")}`);
    drawnLines = lines.length;
  };
  /** A plain line, unless it would repeat the last one of this resource. */
  const line = (r: Row) => {
    r.lastLine = now();
    r.lastState = r.c.state;
    const text = progressLine(r.c, r.expected, { startedAt: r.startedAt, now: r.lastLine });
    if (text !== r.printed) write(`${text}\n`);
    r.printed = text;
  };

  return {
    onEvent(event) {
      if (event.type === "run-started") {
        for (const r of event.resources) {
          resources.set(r.index, { c: emptyCounters(r.index, r.kind), expected: r.expectedItems, startedAt: now(), lastLine: now(), lastState: "pending", printed: "" });
        }
        if (!options.tty) write(`sync ${event.dryRun ? "(dry run) " : ""}started: ${event.resources.map((r) => r.kind).join(", ")}\n`);
        return;
      }
      if (event.type === "blueprints" && (event.created.length || event.updated.length)) {
        if (!options.tty) write(`blueprints: created ${event.created.join(", ") || "none"}; updated ${event.updated.join(", ") || "none"}\n`);
        return;
      }
      if (event.type !== "progress") return;
      const r = resources.get(event.resource.index);
      if (!r) return;
      if (r.c.state === "pending" && event.resource.state === "running") r.startedAt = now();
      r.c = event.resource;
      if (options.tty) {
        if (now() - lastFrame >= (options.frameMs ?? 100)) draw();
        return;
      }
      const ended = r.lastState !== r.c.state && r.c.state !== "running" && r.c.state !== "pending";
      if (ended || (r.c.state === "running" && r.c.pages > 0 && now() - r.lastLine >= (options.lineEveryMs ?? 2000))) line(r);
    },
    end() {
      if (options.tty) {
        if (resources.size) draw();
        return;
      }
      // Writes and deletions finish after a resource is read: its last figures.
      for (const r of resources.values()) if (r.c.state !== "pending") line(r);
    },
  };
}
