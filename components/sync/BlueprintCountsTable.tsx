import type { PlanExample } from "@/lib/sync/types";
import { ExampleList } from "./ExampleList";
import { count } from "./format";
import styles from "./sync.module.css";

export interface CountColumn<R> {
  label: string;
  value: (row: R) => number;
}

/**
 * A row per blueprint with counts, and examples folded below (the dry run's plan and the
 * drift against Port): one table, its columns and example groups given by the caller.
 */
export function BlueprintCountsTable<R extends { blueprint: string }>({
  name,
  rows,
  columns,
  examples,
  rowData,
}: {
  /** `data-testid` of the table (`<name>-table`) and its rows (`<name>-row`). */
  name: string;
  rows: readonly R[];
  columns: readonly CountColumn<R>[];
  examples: (row: R) => { label: string; examples: readonly PlanExample[] }[];
  /** Extra `data-*` attributes of a row. */
  rowData?: (row: R) => Record<`data-${string}`, string | number>;
}) {
  return (
    <div className={styles.scroll}>
      <table className={`list ${styles.table}`} data-testid={`${name}-table`}>
        <thead>
          <tr>
            <th>Blueprint</th>
            {columns.map((c) => (
              <th key={c.label} className={styles.numeric}>
                {c.label}
              </th>
            ))}
            <th>Examples</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const groups = examples(r);
            return (
              <tr key={r.blueprint} data-testid={`${name}-row`} data-blueprint={r.blueprint} {...rowData?.(r)}>
                <td>
                  <code>{r.blueprint}</code>
                </td>
                {columns.map((c) => (
                  <td key={c.label} className={styles.numeric}>
                    {count(c.value(r))}
                  </td>
                ))}
                <td>
                  {groups.some((g) => g.examples.length > 0) ? (
                    <details>
                      <summary>Show</summary>
                      {groups.map((g) => (
                        <ExampleList key={g.label} label={g.label} examples={g.examples} />
                      ))}
                    </details>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
