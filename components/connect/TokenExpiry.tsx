"use client";

import { describeTokenExpiry } from "./token-expiry";
import { useNow } from "./useNow";
import styles from "./connect.module.css";

/** "expires in 52 minutes (12:41)", kept current while the page is open; red once expired. */
export function TokenExpiry({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow();
  const { text, expired } = describeTokenExpiry(expiresAt, now);
  return (
    <span className={expired ? styles.expired : undefined} data-testid="token-expiry">
      {text}
      {expired ? " — paste a new token, or use client credentials so tokens renew themselves" : null}
    </span>
  );
}
