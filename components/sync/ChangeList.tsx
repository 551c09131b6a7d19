import type { PropertyChange } from "@/lib/sync/types";
import styles from "./sync.module.css";

const shown = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

/** A property-level diff: key, before, after. */
export function ChangeList({ changes }: { changes: readonly PropertyChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div className={styles.changes} data-testid="property-changes">
      {changes.map((c) => (
        <div key={c.path} style={{ display: "contents" }}>
          <span>{c.path}</span>
          <span className={styles.before}>− {shown(c.before)}</span>
          <span className={styles.after}>+ {shown(c.after)}</span>
        </div>
      ))}
    </div>
  );
}
