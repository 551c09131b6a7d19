import styles from "./fields.module.css";

/** Picked fields that Graph returns only when `$select` names them. */
export function SelectWarnings({ warnings }: { warnings: { property: string; message: string }[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className={styles.note} role="note" data-testid="select-warnings">
      {warnings.length === 1 ? warnings[0]!.message : `${warnings.length} picked properties need $select:`}
      {warnings.length > 1 && (
        <ul>
          {warnings.map((w) => (
            <li key={w.property}>{w.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
