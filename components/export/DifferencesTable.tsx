"use client";

import type { Difference } from "@/lib/export";
import styles from "./export.module.css";

/** The documentation page's choice, this export's, and why, line by line. */
export function DifferencesTable({ differences }: { differences: Difference[] }) {
  return (
    <table className={`list ${styles.differences}`} data-testid="differences">
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Documentation page</th>
          <th scope="col">This export</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d) => (
          <tr key={d.topic}>
            <td>{d.topic}</td>
            <td>
              <code>{d.documentation}</code>
            </td>
            <td>
              <code>{d.builder}</code>
            </td>
            <td>{d.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
