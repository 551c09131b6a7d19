"use client";

import type { ImportFinding } from "@/lib/export/import";
import styles from "./export.module.css";

const FILE: Record<ImportFinding["file"], string> = { config: "mapping", blueprints: "blueprints", integration: "integration config" };

/** Problems and lints, each with its file, line and column. */
export function ImportFindings({ findings, testId }: { findings: ImportFinding[]; testId: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className={styles.findings} data-testid={testId}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={styles[f.severity]} data-code={f.code}>
          <span className={styles.where}>
            {FILE[f.file]}
            {f.location?.line ? ` ${f.location.line}:${f.location.column ?? 1}` : f.location?.path ? ` ${f.location.path}` : ""}
          </span>{" "}
          {f.severity}: {f.message}
          {f.hint ? <span className="muted"> {f.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}
