"use client";

import type { FieldStat } from "./field-stats";
import { countText } from "./preview-words";
import styles from "./mapping.module.css";

function Badges({ f }: { f: FieldStat }) {
  const where = f.location?.line !== undefined ? ` (line ${f.location.line}, column ${f.location.column ?? 1})` : "";
  return (
    <span className={styles.badges}>
      {f.total > 0 && f.nulls === 0 && !f.errors && <span className={`${styles.badge} ${styles.ok}`}>never null</span>}
      {f.nulls > 0 && (
        <span className={`${styles.badge} ${f.nulls === f.total ? styles.warn : ""}`} data-testid="badge-nulls" data-nulls={f.nulls}>
          null for {countText(f.nulls)} of {countText(f.total)} items
        </span>
      )}
      {f.errors && (
        <span className={`${styles.badge} ${styles.error}`} data-testid="badge-error" title={f.errors.message}>
          error for {countText(f.errors.count)}: {f.errors.message.replace(/^[^:]*: /, "").slice(0, 90)}
          {where}
        </span>
      )}
      {f.typeMismatch && (
        <span className={`${styles.badge} ${styles.warn}`} data-testid="badge-type" title={`${JSON.stringify(f.typeMismatch.example)} ${f.typeMismatch.problem}`}>
          type does not match the blueprint ({f.typeMismatch.expected} expected) for {countText(f.typeMismatch.count)}
        </span>
      )}
      {f.notInBlueprint && <span className={`${styles.badge} ${styles.warn}`}>{f.notInBlueprint}</span>}
      {f.notReturned.map((n) => (
        <span key={n.property} className={`${styles.badge} ${styles.warn}`} data-testid="badge-not-returned">
          {n.reason === "not_default" ? `Graph does not return .${n.property} unless selected` : `.${n.property} is not in $select: Graph does not return it`}
        </span>
      ))}
    </span>
  );
}

/** One row per mapping field of the resource, with what the preview found for it. */
export function FieldBadges({ fields, onGoTo }: { fields: readonly FieldStat[]; onGoTo: (line: number, column?: number) => void }) {
  if (fields.length === 0) return null;
  return (
    <table className={styles.fields} data-testid="field-badges">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">In the sample</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name} data-field={f.name}>
            <td className={styles.fieldName}>
              {f.location?.line !== undefined ? (
                <button type="button" onClick={() => onGoTo(f.location!.line!, f.location!.column)} title={f.source ?? undefined}>
                  {f.name}
                </button>
              ) : (
                f.name
              )}
            </td>
            <td>
              <Badges f={f} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
