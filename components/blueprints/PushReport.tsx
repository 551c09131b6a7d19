import type { EnsureBlueprintsReport } from "@/lib/port";
import styles from "./blueprints.module.css";
import { pushOutcomes } from "./push-report";

const MARK = { created: "✓", updated: "+", unchanged: "=" } as const;

/** What "Create in Port" did, one line per blueprint. */
export function PushReport({ report }: { report: EnsureBlueprintsReport }) {
  const outcomes = pushOutcomes(report);
  return (
    <ul className={styles.outcomes} role="status" data-testid="push-report">
      {outcomes.map((o) => (
        <li key={o.identifier} className={styles[o.outcome]} data-outcome={o.outcome}>
          <span className={styles.outcomeMark} aria-hidden>
            {MARK[o.outcome]}
          </span>
          {o.words}
        </li>
      ))}
    </ul>
  );
}
