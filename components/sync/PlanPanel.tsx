import type { SyncPlanView } from "@/lib/builder/sync-contracts";
import { DriftTable } from "./DriftTable";
import { dateTime } from "./format";
import { PlanTable } from "./PlanTable";
import { StatusBadge } from "./StatusBadge";
import styles from "./sync.module.css";

/** The last dry run's plan per blueprint (and drift when it verified against Port). */
export function PlanPanel({ plan, syncedSince }: { plan: SyncPlanView | null | undefined; syncedSince: boolean }) {
  return (
    <section className="panel" aria-labelledby="sync-plan-title" data-testid="sync-plan-panel">
      <div className={styles.sectionTitle}>
        <h3 id="sync-plan-title">Plan</h3>
        {plan ? (
          <>
            <StatusBadge status={plan.run.status} />
            <span className="muted">dry run of {dateTime(plan.run.finishedAt)}</span>
          </>
        ) : null}
      </div>
      {!plan ? (
        <p className="muted">Run “Plan (dry run)” to see what a sync would create, update, leave unchanged and delete, blueprint by blueprint, before anything is written.</p>
      ) : (
        <>
          {syncedSince ? (
            <p className="muted" data-testid="plan-stale">
              A sync has run since this plan: plan again to see what a sync would change now.
            </p>
          ) : null}
          <PlanTable plan={plan.plan} />
          {plan.deletion?.skippedReason ? (
            <p className={styles.note}>
              <strong>A sync would delete nothing:</strong> {plan.deletion.skippedReason}
            </p>
          ) : null}
          {plan.drift ? (
            <>
              <h3 className={styles.note}>Drift against Port</h3>
              <DriftTable drift={plan.drift} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
