"use client";

import styles from "./connect.module.css";

export interface ModeOption<M extends string> {
  value: M;
  label: string;
  description: string;
  disabled?: boolean;
}

/** How to connect, as a radio group (arrow keys move between the choices). */
export function ModePicker<M extends string>({
  name, legend, value, options, onChange,
}: {
  name: string;
  legend: string;
  value: M;
  options: readonly ModeOption<M>[];
  onChange: (mode: M) => void;
}) {
  return (
    <fieldset className={styles.modes}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={styles.modeOption} data-testid={`${name}-${o.value}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            disabled={o.disabled}
            onChange={() => onChange(o.value)}
          />
          <span className={styles.modeText}>
            <span>{o.label}</span>
            <span className="muted">{o.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
