import type { BlueprintPlan } from "@/lib/sync/types";
import { ExampleList } from "./ExampleList";
import { count } from "./format";
import styles from "./sync.module.css";

/** The dry run's plan, a row per blueprint, its examples and property diffs folded below. */
export function PlanTable({ plan }: { plan: readonly BlueprintPlan[] }) {
  if (plan.length === 0) return <p className="muted">The dry run produced no entity.</p>;
  return (
    <div className={styles.scroll}>
      <table className={`list ${styles.table}`} data-testid="plan-table">
        <thead>
          <tr>
            <th>Blueprint</th>
            <th className={styles.numeric}>Create</th>
            <th className={styles.numeric}>Update</th>
            <th className={styles.numeric}>Unchanged</th>
            <th className={styles.numeric}>Delete</th>
            <th>Examples</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((p) => (
            <tr key={p.blueprint} data-testid="plan-row" data-blueprint={p.blueprint} data-create={p.create} data-update={p.update} data-unchanged={p.unchanged} data-delete={p.delete}>
              <td>
                <code>{p.blueprint}</code>
              </td>
              <td className={styles.numeric}>{count(p.create)}</td>
              <td className={styles.numeric}>{count(p.update)}</td>
              <td className={styles.numeric}>{count(p.unchanged)}</td>
              <td className={styles.numeric}>{count(p.delete)}</td>
              <td>
                {p.examples.create.length + p.examples.update.length + p.examples.delete.length > 0 ? (
                  <details>
                    <summary>Show</summary>
                    <ExampleList label="To create" examples={p.examples.create} />
                    <ExampleList label="To update" examples={p.examples.update} />
                    <ExampleList label="To delete" examples={p.examples.delete} />
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
