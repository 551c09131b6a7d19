import type { RunStatus } from "@/lib/sync/types";
import { STATUS_WORDS } from "./format";
import styles from "./sync.module.css";

/** A run's status as a coloured word. */
export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={styles.badge} data-status={status} data-testid="run-status">
      {STATUS_WORDS[status]}
    </span>
  );
}
