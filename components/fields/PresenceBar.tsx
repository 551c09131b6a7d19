import styles from "./fields.module.css";
import { formatPercent } from "./format";

/** A share of the items as a small bar and its number. */
export function PresenceBar({ share }: { share: number }) {
  const text = formatPercent(share);
  return (
    <span className={styles.bar}>
      <span className={styles.barTrack} aria-hidden>
        <span className={styles.barFill} style={{ width: `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%` }} />
      </span>
      {text}
    </span>
  );
}
