"use client";

import { useEffect, useState } from "react";
import { isTerminal } from "@/lib/builder/sync-contracts";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { count } from "./format";
import { ResourceProgress } from "./ResourceProgress";
import { StatusBadge } from "./StatusBadge";
import styles from "./sync.module.css";
import type { RunProgress } from "./useRunProgress";

interface Props {
  progress: RunProgress;
  cancelling: boolean;
  onCancel(runId: string): void;
  onDetails(runId: string): void;
}

/** The run being watched: a bar per resource while it runs, then how it ended. */
export function RunProgressPanel({ progress, cancelling, onCancel, onDetails }: Props) {
  const run = progress.run;
  const running = run !== null && !isTerminal(run.status);
  // A clock for the ETA, only while the run goes on.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  if (!run) return progress.error ? <ErrorAlert error={progress.error} /> : null;
  const what = run.verify ? "Verify against Port" : run.dryRun ? "Dry run" : "Sync";
  return (
    <section className="panel" aria-labelledby="sync-progress-title" data-testid="sync-progress" data-run={run.id} data-status={run.status}>
      <div className={styles.sectionTitle}>
        <h3 id="sync-progress-title">{what}</h3>
        <StatusBadge status={run.status} />
        {run.cancelRequested && running ? <span className="muted">stopping…</span> : null}
        <span className="spacer" />
        {running ? (
          <button type="button" className="danger" onClick={() => onCancel(run.id)} disabled={cancelling || run.cancelRequested} data-testid="sync-cancel">
            Cancel
          </button>
        ) : (
          <button type="button" className="link" onClick={() => onDetails(run.id)}>
            Details
          </button>
        )}
      </div>
      {progress.error ? <ErrorAlert error={progress.error} /> : null}
      {progress.resources.length === 0 ? (
        <p className="muted" role="status">
          {run.status === "queued" ? "Queued: starting…" : running ? "Reading the project…" : "Nothing was read."}
        </p>
      ) : (
        <div className={styles.resources} role="status" aria-live="polite" aria-busy={running}>
          {progress.resources.map((r) => (
            <ResourceProgress key={r.counters.index} resource={r} now={now} dryRun={run.dryRun} />
          ))}
        </div>
      )}
      {!running && run.failure && run.status !== "cancelled" ? (
        <div className="alert error" role="alert">
          {run.failure.message}
          {run.failure.hint ? <span className="hint">{run.failure.hint}</span> : null}
        </div>
      ) : null}
      {!running && run.errorCount > 0 ? (
        <p className={styles.note}>
          {count(run.errorCount)} error{run.errorCount === 1 ? "" : "s"}:{" "}
          <button type="button" className="link" onClick={() => onDetails(run.id)}>
            see them
          </button>
        </p>
      ) : null}
      {!running && !run.dryRun && run.deletionSkipped ? (
        <p className={styles.note} data-testid="deletion-skipped">
          <strong>Nothing was deleted:</strong> {run.deletionSkipped}
        </p>
      ) : null}
    </section>
  );
}
