"use client";

/**
 * The saved versions of the mapping: pick one to see what changed since, restore it (an
 * undoable edit of the current text, saved as a new version: nothing is ever lost).
 */
import { useState } from "react";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { DiffView } from "./DiffView";
import { useMappingVersion, useMappingVersions } from "./useMappingVersions";
import styles from "./mapping.module.css";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function HistoryPanel({ projectId, current, version, onRestore }: { projectId: string; current: string; version: number; onRestore: (yaml: string, version: number) => void }) {
  const versions = useMappingVersions(projectId, true);
  const [picked, setPicked] = useState<number | null>(null);
  const text = useMappingVersion(projectId, picked);
  const list = versions.data?.versions ?? [];
  return (
    <section className={styles.section} aria-labelledby="history-title" data-testid="history-panel">
      <div className={styles.sectionHead}>
        <h3 id="history-title">History</h3>
        <span className="muted" style={{ fontSize: 12 }}>
          saved version {version}
        </span>
      </div>
      {versions.error && <ErrorAlert error={versions.error} />}
      {versions.isPending ? (
        <p className={styles.empty}>Loading the versions…</p>
      ) : list.length === 0 ? (
        <p className={styles.empty}>No saved version yet.</p>
      ) : (
        <ul className={styles.history}>
          {list.map((v) => (
            <li key={v.version} aria-current={v.version === picked} data-testid="history-version" data-version={v.version}>
              <button type="button" className="link" onClick={() => setPicked(v.version)} aria-pressed={v.version === picked}>
                Version {v.version}
              </button>
              <span className="muted">{when(v.savedAt)}</span>
              <span className="muted">{v.lines} lines</span>
              {!v.valid && <span className={`${styles.badge} ${styles.warn}`}>has errors</span>}
              {v.note && <span className="muted">{v.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {picked !== null && (
        <div>
          {text.error && <ErrorAlert error={text.error} />}
          {text.data && (
            <>
              <DiffView before={text.data.yaml} after={current} beforeLabel={`version ${picked}`} />
              <div className={styles.sectionBody}>
                <button type="button" onClick={() => onRestore(text.data.yaml, picked)} disabled={text.data.yaml === current} data-testid="restore-version">
                  Restore version {picked}
                </button>
                <span className="muted" style={{ marginLeft: 8, fontSize: 12 }}>
                  Ctrl+Z in the editor takes the restore back.
                </span>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
