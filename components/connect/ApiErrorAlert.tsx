"use client";

import type { ShownError } from "./field-errors";

/** An error above a form or a result: what happened, then what to do. */
export function ApiErrorAlert({ error }: { error: ShownError | null }) {
  if (!error) return null;
  return (
    <div className="alert error" role="alert">
      {error.message}
      {error.hint ? <span className="hint">{error.hint}</span> : null}
    </div>
  );
}
