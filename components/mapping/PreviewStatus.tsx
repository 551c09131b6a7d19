"use client";

import type { StaleReason } from "./preview-scheduler";
import styles from "./mapping.module.css";

const STALE_TITLE: Record<StaleReason["reason"], string> = {
  yaml: "The YAML has an error",
  jq: "A jq expression does not compile",
  stopped: "Stopped: an expression did not finish in time",
  failed: "The preview failed",
};

/** Where the preview stands: running, reading samples, up to date, or stale and why. */
export function PreviewStatus({
  running,
  waitingForSamples,
  fetchingSamples,
  stale,
  lastDurationMs,
  hasPreview,
  onGoTo,
}: {
  running: boolean;
  waitingForSamples: boolean;
  fetchingSamples: boolean;
  stale: StaleReason | null;
  lastDurationMs: number | null;
  hasPreview: boolean;
  onGoTo: (line: number, column?: number) => void;
}) {
  const busy = running || waitingForSamples || fetchingSamples;
  const words = waitingForSamples || fetchingSamples ? "Reading samples from Graph…" : running ? "Computing the preview…" : hasPreview ? `Up to date${lastDurationMs !== null ? ` (${Math.round(lastDurationMs)} ms)` : ""}` : "No preview yet";
  return (
    <>
      <div className={styles.status} role="status" aria-live="polite" data-testid="preview-status" data-busy={busy}>
        <span className={`${styles.dot} ${busy ? styles.busy : ""}`} aria-hidden="true" />
        <span>{words}</span>
      </div>
      {stale && (
        <div className={styles.stale} role="alert" data-testid="preview-stale" data-reason={stale.reason}>
          <strong>{STALE_TITLE[stale.reason]}</strong>
          {hasPreview ? " — showing the last good preview." : "."} {stale.message}
          {stale.line !== undefined && (
            <>
              {" "}
              <button type="button" className="link" onClick={() => onGoTo(stale.line!, stale.column)} data-testid="stale-go-to">
                line {stale.line}
                {stale.column !== undefined ? `, column ${stale.column}` : ""}
              </button>
            </>
          )}
          {stale.reason === "stopped" && <span className="hint"> The jq worker was restarted; the page stays usable. Fix the expression and the preview runs again.</span>}
        </div>
      )}
    </>
  );
}
