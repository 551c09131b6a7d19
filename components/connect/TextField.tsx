"use client";

import type { ReactNode } from "react";
import type { ShownError } from "./field-errors";
import { FieldMessage } from "./FieldMessage";

export interface TextFieldProps {
  id: string;
  /** The API's field path, so an error that names it lands here. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ShownError | null;
  help?: ReactNode;
  type?: "text" | "password";
  placeholder?: string;
  autoComplete?: string;
}

/** A labelled text input with its help and its error, both announced with the control. */
export function TextField({ id, name, label, value, onChange, error, help, type = "text", placeholder, autoComplete = "off" }: TextFieldProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessage id={errorId} error={error} />
      {help ? <span className="help" id={helpId}>{help}</span> : null}
    </div>
  );
}
