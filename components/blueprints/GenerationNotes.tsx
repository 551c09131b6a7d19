import styles from "./blueprints.module.css";

/** What the last generation left out or added. */
export function GenerationNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className={styles.notes} role="note" data-testid="generation-notes">
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
