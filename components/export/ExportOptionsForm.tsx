"use client";

import { useId } from "react";
import type { SecretHandling } from "@/lib/export";
import type { PortRegion } from "@/lib/port/regions";
import styles from "./export.module.css";

const REGIONS: { value: PortRegion; label: string; host: string }[] = [
  { value: "eu", label: "EU", host: "api.port.io" },
  { value: "us", label: "US", host: "api.us.port.io" },
];

const SECRETS: { value: SecretHandling; label: string; help: string }[] = [
  { value: "chart-secret", label: "The chart's Secret", help: "Values read from your environment when you run the command." },
  { value: "existing-secret", label: "An existing Secret", help: "You create it (kubectl line and manifest with placeholders)." },
  { value: "inline", label: "Inline", help: "Written into the files: placeholders here, the stored values with the command line." },
];

/** The switches: Port region, secret handling, the integration's identifier. */
export function ExportOptionsForm(props: {
  region: PortRegion;
  secrets: SecretHandling;
  identifier: string;
  identifierError: string | null;
  onRegion(region: PortRegion): void;
  onSecrets(secrets: SecretHandling): void;
  onIdentifier(identifier: string): void;
}) {
  const idField = useId();
  const idHelp = useId();
  return (
    <form className={styles.options} onSubmit={(e) => e.preventDefault()} aria-label="Export options">
      <fieldset>
        <legend>Port region</legend>
        {REGIONS.map((r) => (
          <label key={r.value} className={styles.choice}>
            <input type="radio" name="region" value={r.value} checked={props.region === r.value} onChange={() => props.onRegion(r.value)} />
            <span>
              {r.label} <small>{r.host}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Secrets</legend>
        {SECRETS.map((s) => (
          <label key={s.value} className={styles.choice}>
            <input type="radio" name="secrets" value={s.value} checked={props.secrets === s.value} onChange={() => props.onSecrets(s.value)} />
            <span>
              {s.label} <small>{s.help}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <div className={`field ${styles.identifier}`}>
        <label htmlFor={idField}>Integration identifier</label>
        <input
          id={idField}
          type="text"
          value={props.identifier}
          spellCheck={false}
          aria-invalid={props.identifierError ? true : undefined}
          aria-describedby={idHelp}
          onChange={(e) => props.onIdentifier(e.target.value)}
        />
        <span id={idHelp} className={props.identifierError ? "field-error" : "help"} role={props.identifierError ? "alert" : undefined}>
          {props.identifierError ?? "Also the Helm release, the Secret and the Argo CD Application."}
        </span>
      </div>
    </form>
  );
}
