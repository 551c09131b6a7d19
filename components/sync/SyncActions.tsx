"use client";

import styles from "./sync.module.css";

interface Props {
  /** Why nothing can start now (a run in progress, a problem), or null. */
  blocked: string | null;
  starting: boolean;
  onPlan(): void;
  onVerify(): void;
  onSync(): void;
}

/** The plan first (a dry run writes nothing), drift against Port, then the real sync. */
export function SyncActions({ blocked, starting, onPlan, onVerify, onSync }: Props) {
  const disabled = blocked !== null || starting;
  return (
    <div className={styles.actions}>
      <button type="button" onClick={onPlan} disabled={disabled} data-testid="sync-plan" title="Reads Entra ID and maps it, writes nothing to Port">
        Plan (dry run)
      </button>
      <button type="button" onClick={onVerify} disabled={disabled} data-testid="sync-verify" title="A dry run that also reads Port's entities and shows what differs">
        Verify against Port
      </button>
      <button type="button" className="primary" onClick={onSync} disabled={disabled} data-testid="sync-now">
        {starting ? "Starting…" : "Sync now"}
      </button>
      {blocked ? <span className="muted">{blocked}</span> : null}
    </div>
  );
}
