"use client";

import type { ShownError } from "./field-errors";
import styles from "./connect.module.css";

/** A field's error (what is wrong, then what to do), linked to its control by id. */
export function FieldMessage({ id, error }: { id: string; error: ShownError | null | undefined }) {
  if (!error) return null;
  return (
    <span className="field-error" id={id}>
      {error.message}
      {error.hint ? <span className={styles.fieldHint}>{error.hint}</span> : null}
    </span>
  );
}
