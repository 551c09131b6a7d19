"use client";

import type { ShownError } from "./field-errors";
import { FieldMessage } from "./FieldMessage";
import styles from "./connect.module.css";

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/** A labelled select with its error. */
export function SelectField<V extends string>({
  id, name, label, value, options, onChange, error, help,
}: {
  id: string;
  name: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  error?: ShownError | null;
  help?: string;
}) {
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        className={styles.select}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} error={error} />
      {help ? <span className="help" id={`${id}-help`}>{help}</span> : null}
    </div>
  );
}
