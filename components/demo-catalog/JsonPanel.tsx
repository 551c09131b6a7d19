"use client";

/** One entity's (or the blueprint's) JSON as the demo Port holds it. */
import { useEffect, useId, useRef } from "react";
import { ErrorAlert } from "./ErrorAlert";

export function JsonPanel({
  title,
  data,
  error,
  pending,
  focusOnOpen = false,
  onClose,
}: {
  title: string;
  data: unknown;
  error: unknown;
  pending: boolean;
  /** Move focus to the panel when it opens (it opens far from the control that opened it). */
  focusOnOpen?: boolean;
  onClose?: () => void;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen, title]);
  return (
    <section className="panel" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <div className="row">
        <h2 id={headingId} ref={heading} tabIndex={-1} style={{ margin: 0 }}>
          {title}
        </h2>
        <span className="spacer" />
        {onClose ? (
          <button type="button" className="link" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {pending && !error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {data !== undefined ? (
        <pre data-testid="json-panel" style={{ overflow: "auto", maxHeight: 480, margin: "12px 0 0" }}>
          {JSON.stringify(data, null, 2)}
        </pre>
      ) : null}
    </section>
  );
}
