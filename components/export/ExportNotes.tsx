"use client";

import styles from "./export.module.css";

/** What the person must know about this export (a token that expires, placeholders, a fallback). */
export function ExportNotes({ notes, warnings }: { notes: string[]; warnings: string[] }) {
  const all = [...notes, ...warnings];
  if (all.length === 0) return null;
  return (
    <div className={styles.notes} role="note" data-testid="export-notes">
      <ul>
        {all.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
