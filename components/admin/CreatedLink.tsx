"use client";

import { useState } from "react";
import styles from "./admin.module.css";
import type { CreatedInvitation, Invitation } from "./usePeople";

/**
 * The invitation link, shown once (only its hash is kept), with a Copy button and its expiry;
 * and, when it replaced a pending invitation to the same address, that the earlier link is dead.
 */
export function CreatedLink({ created, replaced }: { created: CreatedInvitation; replaced: Invitation | null }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const url = typeof window === "undefined" ? created.path : `${window.location.origin}${created.path}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className={styles.created} data-testid="invitation-created" role="status">
      <strong>Invitation for {created.invitation.email} created.</strong>
      {replaced && (
        <p data-testid="invitation-replaced">
          It replaces the invitation {replaced.expired ? "that had expired" : `created ${new Date(replaced.createdAt).toLocaleString()}`}: the earlier link no
          longer works.
        </p>
      )}
      <p className="muted">Send this link to {created.invitation.name}. It is shown only now, works once, and expires {new Date(created.invitation.expiresAt).toLocaleString()}.</p>
      <div className={styles.link}>
        <label htmlFor="invitation-link" style={{ position: "absolute", left: -9999 }}>
          Invitation link
        </label>
        <input id="invitation-link" data-testid="invitation-link" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" && <p className="field-error">The browser did not allow copying: select the link and copy it yourself.</p>}
    </div>
  );
}
