"use client";

import Link from "next/link";
import styles from "./blueprints.module.css";

/** The two starting points: blueprints from the picked fields, or the seed template. */
export function GenerateActions({
  projectId,
  canGenerate,
  generating,
  disabled,
  onGenerate,
  onTemplate,
}: {
  projectId: string;
  /** Whether any field is picked. */
  canGenerate: boolean;
  /** The inference of the picked endpoints is still loading. */
  generating: boolean;
  disabled: boolean;
  onGenerate: () => void;
  onTemplate: () => void;
}) {
  return (
    <div className={styles.actions}>
      <button type="button" className="primary" onClick={onGenerate} disabled={disabled || !canGenerate || generating} data-testid="generate-blueprints">
        {generating ? "Reading the picked fields…" : "Generate from picked fields"}
      </button>
      <button type="button" onClick={onTemplate} disabled={disabled} data-testid="use-template">
        Start from the template
      </button>
      {!canGenerate && !generating && (
        <span className="muted">
          No field picked yet: <Link href={`/projects/${encodeURIComponent(projectId)}/fields`}>pick fields</Link>, or start from the template.
        </span>
      )}
    </div>
  );
}
