"use client";

import styles from "./mapping.module.css";

/** What a new mapping was started from, and what the preview checks types against. */
export function StartNotes({ notes, fromSeedBlueprints }: { notes: string[] | null; fromSeedBlueprints: boolean }) {
  if (!notes && !fromSeedBlueprints) return null;
  return (
    <details className={styles.notes} open={notes !== null} data-testid="start-notes">
      <summary>{notes ? "Where this mapping comes from" : "Checked against the seed blueprints"}</summary>
      <ul>
        {(notes ?? []).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {fromSeedBlueprints && <li>This project has no blueprints yet: values are checked against the seed blueprints (entra-id-user, entra-id-group, ...). Create yours in the Blueprints step.</li>}
      </ul>
    </details>
  );
}
