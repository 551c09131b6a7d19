"use client";

import type { ConnectionCheck } from "@/lib/builder/contracts";
import styles from "./connect.module.css";

const ICON: Record<ConnectionCheck["status"], string> = { ok: "✓", failed: "✗", skipped: "–" };
const WORD: Record<ConnectionCheck["status"], string> = { ok: "OK", failed: "Failed", skipped: "Skipped" };

/** One check: icon and status in words, what happened, and for a failure what to do and where. */
export function CheckLine({ check }: { check: ConnectionCheck }) {
  return (
    <li className={`${styles.check} ${styles[check.status]}`} data-testid={`check-${check.id}`} data-status={check.status}>
      <span className={styles.checkIcon} aria-hidden>{ICON[check.status]}</span>
      <span>
        <span className={styles.checkLabel}>{check.label}</span>
        <span className={styles.checkStatus}>{WORD[check.status]}</span>
        <span className={styles.checkDetail}>{check.detail}</span>
        {check.status === "failed" && check.hint ? <span className={styles.checkHint}>{check.hint}</span> : null}
        {check.status === "failed" && check.link ? (
          <a className={styles.checkLink} href={check.link} target="_blank" rel="noopener noreferrer">
            Open the admin-consent page ↗
          </a>
        ) : null}
      </span>
    </li>
  );
}
