"use client";

import type { ReactNode } from "react";
import styles from "./explore.module.css";

/** A labelled text input with its help and its error, wired for screen readers. */
export function TextField({
  id,
  label,
  value,
  onChange,
  help,
  error,
  placeholder,
  inputMode,
  testId,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string;
  placeholder?: string;
  inputMode?: "numeric" | "text";
  testId?: string;
}) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className={styles.mono}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
      />
      {help ? <span id={`${id}-help`} className="help">{help}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error" role="alert">{error}</span> : null}
    </div>
  );
}
