import type { BlueprintDrift } from "@/lib/sync/types";
import { ExampleList } from "./ExampleList";
import { count } from "./format";
import styles from "./sync.module.css";

/** "Verify against Port": what differs between Port and what this project wrote. */
export function DriftTable({ drift }: { drift: readonly BlueprintDrift[] }) {
  if (drift.length === 0) return <p className="muted">This project has written no entity to compare yet.</p>;
  return (
    <div className={styles.scroll}>
      <table className={`list ${styles.table}`} data-testid="drift-table">
        <thead>
          <tr>
            <th>Blueprint</th>
            <th className={styles.numeric}>Checked</th>
            <th className={styles.numeric}>Changed in Port</th>
            <th className={styles.numeric}>Missing in Port</th>
            <th className={styles.numeric}>Not this project&apos;s</th>
            <th>Examples</th>
          </tr>
        </thead>
        <tbody>
          {drift.map((d) => (
            <tr key={d.blueprint} data-testid="drift-row" data-blueprint={d.blueprint}>
              <td>
                <code>{d.blueprint}</code>
              </td>
              <td className={styles.numeric}>{count(d.checked)}</td>
              <td className={styles.numeric}>{count(d.changed)}</td>
              <td className={styles.numeric}>{count(d.missing)}</td>
              <td className={styles.numeric}>{count(d.unmanaged)}</td>
              <td>
                {d.examples.changed.length + d.examples.missing.length > 0 ? (
                  <details>
                    <summary>Show</summary>
                    <ExampleList label="Changed in Port (Port − / this project +)" examples={d.examples.changed} />
                    <ExampleList label="Missing in Port" examples={d.examples.missing} />
                  </details>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
