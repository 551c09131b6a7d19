"use client";

import { shownText } from "./visible-text";
import styles from "./explore.module.css";

/** Graph's response headers, folded away until asked for. */
export function ResponseHeaders({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <details className={styles.details} data-testid="response-headers">
      <summary>Headers ({entries.length})</summary>
      <table className={`list ${styles.headersTable}`}>
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{shownText(value, 500)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
