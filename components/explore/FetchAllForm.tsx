"use client";

/** "Fetch all pages" of the request above, up to a number of pages the person chooses. */
import type { FormEvent } from "react";
import { MAX_PAGES_LIMIT } from "./request-form";
import styles from "./explore.module.css";

export function FetchAllForm({
  id,
  maxPages,
  error,
  running,
  cancelling,
  disabled,
  onMaxPagesChange,
  onFetchAll,
  onCancel,
}: {
  id: string;
  maxPages: string;
  error?: string;
  running: boolean;
  cancelling: boolean;
  disabled: boolean;
  onMaxPagesChange: (value: string) => void;
  onFetchAll: () => void;
  onCancel: () => void;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disabled && !running) onFetchAll();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Fetch all pages" style={{ marginTop: 16, borderTop: "1px solid var(--border)", paddingTop: 14 }}>
      <div className={styles.actions}>
        <label htmlFor={id}>Fetch every page, up to</label>
        <input
          id={id}
          type="number"
          min={1}
          max={MAX_PAGES_LIMIT}
          step={1}
          className={`${styles.input} ${styles.pagesInput}`}
          value={maxPages}
          onChange={(e) => onMaxPagesChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
          data-testid="max-pages"
        />
        <span>pages</span>
        {running ? (
          <button type="button" className="danger" onClick={onCancel} disabled={cancelling} data-testid="cancel-fetch-all">
            {cancelling ? "Cancelling…" : "Cancel"}
          </button>
        ) : (
          <button type="submit" disabled={disabled} data-testid="fetch-all">
            Fetch all pages
          </button>
        )}
      </div>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert" style={{ color: "var(--danger)", fontSize: 12 }}>
          {error}
        </span>
      ) : (
        <span id={`${id}-help`} className="muted" style={{ fontSize: 12 }}>
          Follows @odata.nextLink page after page (at most {MAX_PAGES_LIMIT.toLocaleString("en-US")}); the sample keeps up to 5,000 items or 20 MB.
        </span>
      )}
    </form>
  );
}
