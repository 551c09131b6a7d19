/** Figures and times in words for the Sync page. */
import type { RunStatus, RunTrigger } from "@/lib/sync/types";

export const count = (v: number) => v.toLocaleString("en-US");

export function duration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1_000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function eta(seconds: number | null): string {
  if (seconds === null) return "";
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

export function dateTime(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" });
}

export const STATUS_WORDS: Record<RunStatus, string> = {
  queued: "queued",
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
  partial: "partial (written, with errors)",
  cancelled: "cancelled",
  interrupted: "interrupted",
};

export const TRIGGER_WORDS: Record<RunTrigger, string> = { button: "Sync now", schedule: "schedule", cli: "command line" };
