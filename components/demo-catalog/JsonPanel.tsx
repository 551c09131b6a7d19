"use client";

/** One entity's (or the blueprint's) JSON as the demo Port holds it. */
import { ErrorAlert } from "./ErrorAlert";

export function JsonPanel({ title, data, error, pending }: { title: string; data: unknown; error: unknown; pending: boolean }) {
  return (
    <section className="panel" aria-label={title} style={{ marginTop: 16 }}>
      <h2>{title}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {pending ? <p className="muted">Loading…</p> : null}
      {data !== undefined ? (
        <pre data-testid="json-panel" style={{ overflow: "auto", maxHeight: 480, margin: 0 }}>
          {JSON.stringify(data, null, 2)}
        </pre>
      ) : null}
    </section>
  );
}
