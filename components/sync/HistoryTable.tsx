import type { SyncRunView } from "@/lib/builder/sync-contracts";
import { count, dateTime, duration, TRIGGER_WORDS } from "./format";
import { StatusBadge } from "./StatusBadge";
import styles from "./sync.module.css";

interface Props {
  runs: readonly SyncRunView[];
  selected: string | null;
  onSelect(runId: string): void;
}

/** The runs, newest first: status, trigger, start, duration and what they did. */
export function HistoryTable({ runs, selected, onSelect }: Props) {
  if (runs.length === 0) return <p className="muted">No run yet.</p>;
  return (
    <div className={styles.scroll}>
      <table className={`list ${styles.table} ${styles.history}`} data-testid="sync-history">
        <thead>
          <tr>
            <th>Status</th>
            <th>Kind</th>
            <th>Trigger</th>
            <th>Started</th>
            <th className={styles.numeric}>Duration</th>
            <th className={styles.numeric}>Items</th>
            <th className={styles.numeric}>Created</th>
            <th className={styles.numeric}>Updated</th>
            <th className={styles.numeric}>Unchanged</th>
            <th className={styles.numeric}>Failed</th>
            <th className={styles.numeric}>Deleted</th>
            <th className={styles.numeric}>Errors</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.id === selected ? styles.selected : undefined} data-testid="history-row" data-run={r.id} data-status={r.status} data-dry-run={r.dryRun}>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{r.verify ? "verify" : r.dryRun ? "dry run" : "sync"}</td>
              <td>{TRIGGER_WORDS[r.trigger]}</td>
              <td>{dateTime(r.startedAt ?? r.queuedAt)}</td>
              <td className={styles.numeric}>{duration(r.durationMs)}</td>
              <td className={styles.numeric}>{count(r.totals.items)}</td>
              <td className={styles.numeric}>{count(r.totals.created)}</td>
              <td className={styles.numeric}>{count(r.totals.updated)}</td>
              <td className={styles.numeric}>{count(r.totals.unchanged)}</td>
              <td className={styles.numeric}>{count(r.totals.failed)}</td>
              <td className={styles.numeric}>{count(r.totals.deleted)}</td>
              <td className={styles.numeric}>{count(r.errorCount)}</td>
              <td className="actions">
                <button type="button" className="link" onClick={() => onSelect(r.id)} aria-pressed={r.id === selected} aria-label={`Details of the run started ${dateTime(r.startedAt ?? r.queuedAt)}`}>
                  Details
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
