"use client";

import { useState, type FormEvent } from "react";
import type { SyncScheduleView } from "@/lib/builder/sync-contracts";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { dateTime } from "./format";
import styles from "./sync.module.css";
import { useSyncSchedule } from "./useSyncSchedule";

function Form({ projectId, current }: { projectId: string; current: SyncScheduleView | null }) {
  const { save, remove } = useSyncSchedule(projectId);
  const [minutes, setMinutes] = useState(String(current?.intervalMinutes ?? 60));
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const value = Number(minutes);
  const problem = !Number.isInteger(value) || value < 5 ? "Use whole minutes, at least 5." : value > 43_200 ? "Use at most 30 days (43,200 minutes)." : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) save.mutate({ intervalMinutes: value, enabled });
  };
  return (
    <form onSubmit={submit} className={styles.scheduleForm} data-testid="schedule-form" noValidate>
      <div className="field">
        <label htmlFor="sync-interval">Every (minutes)</label>
        <input id="sync-interval" type="number" min={5} max={43_200} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby="sync-interval-help" />
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      <button type="submit" className="primary" disabled={save.isPending || problem !== null}>
        {save.isPending ? "Saving…" : "Save schedule"}
      </button>
      {current ? (
        <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          Remove
        </button>
      ) : null}
      <p id="sync-interval-help" className="muted" style={{ flexBasis: "100%", margin: 0 }} data-testid="schedule-state">
        {problem ??
          (current
            ? current.enabled
              ? `Next run: ${dateTime(current.nextRunAt)}. A slot that comes while a sync runs is skipped, never run on top of it.`
              : "Disabled: no scheduled run."
            : "No schedule: syncs run only with “Sync now”.")}
        {current?.lastSkippedAt ? ` Last slot skipped: ${dateTime(current.lastSkippedAt)}.` : ""}
      </p>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
    </form>
  );
}

/** Every N minutes, on or off, and when the next run comes. */
export function ScheduleForm({ projectId }: { projectId: string }) {
  const { schedule } = useSyncSchedule(projectId);
  return (
    <section className="panel" aria-labelledby="sync-schedule-title">
      <div className={styles.sectionTitle}>
        <h3 id="sync-schedule-title">Schedule</h3>
      </div>
      {schedule.error ? <ErrorAlert error={schedule.error} /> : null}
      {schedule.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        // Keyed by what is stored, so a save or a removal starts the form from it.
        <Form key={`${schedule.data?.intervalMinutes ?? "none"}-${schedule.data?.enabled ?? ""}`} projectId={projectId} current={schedule.data ?? null} />
      )}
    </section>
  );
}
