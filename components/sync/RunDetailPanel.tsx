"use client";

import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { ErrorList } from "./ErrorList";
import { count, dateTime, duration, TRIGGER_WORDS } from "./format";
import { StatusBadge } from "./StatusBadge";
import styles from "./sync.module.css";
import { useSyncRunDetail } from "./useSyncRuns";

/** One run: its counters per resource, what deletion did or why it was skipped, its errors. */
export function RunDetailPanel({ projectId, runId, onClose }: { projectId: string; runId: string; onClose(): void }) {
  const { data: run, error, isPending } = useSyncRunDetail(projectId, runId);
  return (
    <section className="panel" aria-labelledby="sync-run-title" data-testid="run-detail" data-run={runId}>
      <div className={styles.sectionTitle}>
        <h3 id="sync-run-title">Run {run ? `of ${dateTime(run.startedAt ?? run.queuedAt)}` : ""}</h3>
        {run ? <StatusBadge status={run.status} /> : null}
        <span className="spacer" />
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <p className="muted">Loading the run…</p> : null}
      {run ? (
        <>
          <p className="muted">
            {run.verify ? "Verify against Port" : run.dryRun ? "Dry run" : "Sync"} · {TRIGGER_WORDS[run.trigger]} · {duration(run.durationMs)}
            {run.portWrites ? ` · ${count(run.portWrites.upsertRequests)} write and ${count(run.portWrites.deleteRequests)} delete requests to Port` : ""}
          </p>
          {run.failure && run.status !== "succeeded" ? (
            <div className="alert error" role="alert">
              {run.failure.message}
              {run.failure.hint ? <span className="hint">{run.failure.hint}</span> : null}
            </div>
          ) : null}
          <div className={styles.scroll}>
            <table className={`list ${styles.table}`}>
              <thead>
                <tr>
                  <th>Resource</th>
                  <th>State</th>
                  {["Pages", "Items", "Selected", "Entities", "Created", "Updated", "Unchanged", "Failed", "Deleted", "Dropped"].map((h) => (
                    <th key={h} className={styles.numeric}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {run.counters.map((c) => (
                  <tr key={c.index}>
                    <td className={styles.kind}>{c.kind}</td>
                    <td>{c.state}</td>
                    {[c.pages, c.items, c.selected, c.entities, c.created, c.updated, c.unchanged, c.failed, c.deleted, c.dropped].map((v, i) => (
                      <td key={i} className={styles.numeric}>
                        {count(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!run.dryRun && run.deletion ? (
            <p className={styles.note} data-testid="run-deletion">
              {run.deletion.performed
                ? `Reconciliation: ${count(run.deletion.deleted)} of ${count(run.deletion.stale)} stale entities deleted (of ${count(run.deletion.previous)} written before)${run.deletion.refused ? `, ${count(run.deletion.refused)} refused by Port` : ""}.`
                : null}
              {run.deletion.skippedReason ? (
                <>
                  <strong>Nothing was deleted:</strong> {run.deletion.skippedReason}
                </>
              ) : null}
            </p>
          ) : !run.dryRun && run.deletionSkipped ? (
            <p className={styles.note} data-testid="run-deletion">
              <strong>Nothing was deleted:</strong> {run.deletionSkipped}
            </p>
          ) : null}
          {run.blueprints && (run.blueprints.created.length || run.blueprints.updated.length) ? (
            <p className={styles.note}>
              Blueprints created: {run.blueprints.created.join(", ") || "none"}; updated: {run.blueprints.updated.join(", ") || "none"}.
            </p>
          ) : null}
          <ErrorList errors={run.errors} total={run.errorCount} label="errors" />
          <ErrorList errors={run.warnings} total={run.warnings.length} label="warnings" />
        </>
      ) : null}
    </section>
  );
}
