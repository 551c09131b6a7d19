import type { SyncErrorEntry } from "@/lib/sync/types";
import { count } from "./format";
import styles from "./sync.module.css";

/** A run's errors (the first 500 kept), each with where it happened and what to do. */
export function ErrorList({ errors, total, label }: { errors: readonly SyncErrorEntry[]; total: number; label: string }) {
  if (total === 0) return null;
  return (
    <div data-testid={`run-${label}`}>
      <h4>
        {count(total)} {label}
        {total > errors.length ? ` (the first ${count(errors.length)} kept)` : ""}
      </h4>
      <ol className={styles.errors}>
        {errors.map((e, i) => (
          <li key={i}>
            <span className={styles.errorWhere}>
              {e.stage}
              {e.blueprint ? ` · ${e.blueprint}` : ""}
              {e.identifier ? ` · ${e.identifier}` : ""}
              {e.status ? ` · HTTP ${e.status}` : ""} · {e.code}
            </span>
            <div>{e.message}</div>
            {e.hint ? <div className="muted">{e.hint}</div> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
