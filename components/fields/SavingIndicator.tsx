"use client";

import type { SaveStatus } from "./document-store";
import styles from "./fields.module.css";

const WORDS: Record<SaveStatus["state"], string> = {
  idle: "Saved",
  pending: "Saving…",
  saving: "Saving…",
  saved: "Saved",
  error: "Not saved",
  conflict: "Not saved",
};

/** Where the autosave stands, in words (after Airbyte's connector builder). */
export function SavingIndicator({ status, loaded }: { status: SaveStatus; loaded: boolean }) {
  const reason = status.state === "error" || status.state === "conflict" ? `: ${status.message}` : "";
  const tone = reason ? styles.notSaved : status.state === "pending" || status.state === "saving" ? styles.saving : styles.saved;
  return (
    <span className={`${styles.savingIndicator} ${tone}`} role="status" aria-live="polite" data-testid="saving-indicator" data-state={status.state}>
      {loaded ? `${WORDS[status.state]}${reason}` : "Loading…"}
    </span>
  );
}
