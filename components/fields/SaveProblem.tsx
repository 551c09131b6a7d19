"use client";

import { useState } from "react";
import type { SaveStatus } from "./document-store";
import styles from "./fields.module.css";

/**
 * A save that failed, with the server's message and hint and the way out: retry, or
 * (when someone else saved first) reload their version.
 */
export function SaveProblem({ status, onRetry, onReload }: { status: SaveStatus; onRetry: () => void; onReload: () => Promise<void> }) {
  const [reloadError, setReloadError] = useState<string | null>(null);
  if (status.state !== "error" && status.state !== "conflict") return null;
  const reload = () => {
    setReloadError(null);
    onReload().catch((e: unknown) => setReloadError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="alert error" role="alert" data-testid="save-problem">
      {status.state === "conflict" ? "Your changes were not saved: " : "Could not save: "}
      {status.message}
      {status.hint ? <span className="hint">{status.hint}</span> : null}
      <span className={styles.problemActions}>
        {status.state === "conflict" ? (
          <button type="button" onClick={reload} data-testid="reload-document">
            Reload the saved version (drops your unsaved changes)
          </button>
        ) : (
          <button type="button" onClick={onRetry} data-testid="retry-save">
            Try again
          </button>
        )}
      </span>
      {reloadError ? <span className="hint">Reload failed: {reloadError}</span> : null}
    </div>
  );
}
