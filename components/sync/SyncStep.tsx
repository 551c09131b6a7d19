"use client";

/**
 * Step 7, Sync: the plan first (a dry run writes nothing), "Sync now" with a live bar per
 * resource pushed from the server, Cancel, drift against Port, the history with each
 * run's errors and why deletion was skipped, and the schedule. Runs are worked on by the
 * server's runner: leaving the page never stops one.
 */
import Link from "next/link";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { HistoryTable } from "./HistoryTable";
import { expectedFromHistory } from "./live-run";
import { PlanPanel } from "./PlanPanel";
import { RunDetailPanel } from "./RunDetailPanel";
import { RunProgressPanel } from "./RunProgressPanel";
import { ScheduleForm } from "./ScheduleForm";
import { SyncActions } from "./SyncActions";
import { SyncProblems } from "./SyncProblems";
import styles from "./sync.module.css";
import { useRunProgress } from "./useRunProgress";
import { useSyncActions } from "./useSyncActions";
import { useSyncOverview } from "./useSyncOverview";
import { useSyncPlan } from "./useSyncPlan";
import { useSyncRuns } from "./useSyncRuns";

export function SyncStep({ projectId }: { projectId: string }) {
  const overview = useSyncOverview(projectId);
  const runs = useSyncRuns(projectId);
  const plan = useSyncPlan(projectId);
  const { start, cancel } = useSyncActions(projectId);
  const [selected, setSelected] = useState<string | null>(null);

  const active = overview.data?.active ?? null;
  // The run in progress; once it ends, the last one started here stays with its final figures.
  const watched = active?.id ?? start.data?.id ?? null;
  const history = runs.data;
  const expected = useMemo(() => expectedFromHistory(history ?? []), [history]);
  const progress = useRunProgress(projectId, watched, expected);
  const running = active !== null && !progress.ended;

  const planRun = plan.data?.run;
  const syncedSincePlan = planRun ? (history ?? []).some((r) => !r.dryRun && r.finishedAt !== null && r.queuedAt > planRun.queuedAt) : false;
  const problems = overview.data?.problems ?? [];
  const blocked = !overview.data
    ? "Loading…"
    : !overview.data.runnerAvailable
      ? "The sync runner is not running on this server."
      : problems.length
        ? "Fix the problems above first."
        : running
          ? "A run is in progress."
          : null;

  return (
    <div className={styles.step} data-testid="sync-step">
      <section className="panel" aria-labelledby="sync-title">
        <div className={styles.header}>
          <h2 id="sync-title">Sync</h2>
          <span className="spacer" />
          {overview.data?.demoPort ? (
            <Link href="/demo-catalog" data-testid="demo-catalog-link">
              See the entities in the Demo catalog →
            </Link>
          ) : null}
        </div>
        <p className={styles.intro}>
          Reads Entra ID page by page, maps each page, and writes to Port only what changed. Entities this project wrote and Entra ID no longer has are
          deleted only after a run without any error.
        </p>
        {overview.error ? <ErrorAlert error={overview.error} /> : null}
        {overview.data && !overview.data.runnerAvailable ? (
          <div className="alert error" role="alert">
            This server&apos;s sync runner did not start, so no sync can run here.
            <span className="hint">The server log says why; restart the server once it is fixed.</span>
          </div>
        ) : null}
        <SyncProblems projectId={projectId} problems={problems} />
        <SyncActions
          blocked={blocked}
          starting={start.isPending}
          onPlan={() => start.mutate({ dryRun: true })}
          onVerify={() => start.mutate({ dryRun: true, verify: true })}
          onSync={() => start.mutate({ dryRun: false })}
        />
        {start.error ? <ErrorAlert error={start.error} /> : null}
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      </section>
      {watched ? <RunProgressPanel progress={progress} cancelling={cancel.isPending} onCancel={(id) => cancel.mutate(id)} onDetails={setSelected} /> : null}
      {plan.error ? <ErrorAlert error={plan.error} /> : <PlanPanel plan={plan.data} syncedSince={syncedSincePlan} />}
      <section className="panel" aria-labelledby="sync-history-title">
        <div className={styles.sectionTitle}>
          <h3 id="sync-history-title">History</h3>
        </div>
        {runs.error ? <ErrorAlert error={runs.error} /> : null}
        {history ? <HistoryTable runs={history} selected={selected} onSelect={setSelected} /> : <p className="muted">Loading…</p>}
      </section>
      {selected ? <RunDetailPanel projectId={projectId} runId={selected} onClose={() => setSelected(null)} /> : null}
      <ScheduleForm projectId={projectId} />
    </div>
  );
}
