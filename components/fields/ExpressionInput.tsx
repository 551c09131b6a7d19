"use client";

import { useId } from "react";
import styles from "./fields.module.css";

/** A jq expression (identifier or title) with a quick choice among the string fields. */
export function ExpressionInput({
  label,
  help,
  value,
  stringFields,
  testId,
  onChange,
}: {
  label: string;
  help: string;
  value: string;
  stringFields: string[];
  testId: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const empty = value.trim() === "";
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={styles.expressionRow}>
        <input
          id={id}
          type="text"
          value={value}
          spellCheck={false}
          autoComplete="off"
          maxLength={2_000}
          aria-invalid={empty}
          aria-describedby={`${id}-help`}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
        <select
          aria-label={`${label}: use a string field`}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange(e.target.value);
          }}
        >
          <option value="">Use a field…</option>
          {stringFields.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <span className="help" id={`${id}-help`}>{help}</span>
      {empty && <span className="field-error">Enter a jq expression, e.g. .id</span>}
    </div>
  );
}
