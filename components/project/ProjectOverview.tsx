"use client";

import Link from "next/link";
import styles from "./project.module.css";
import { useProjectStatus } from "./useProjectStatus";

/** The project's front page: every step in words, and the next thing to do as the obvious button. */
export function ProjectOverview({ projectId }: { projectId: string }) {
  const status = useProjectStatus(projectId);
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const next = status.data?.steps.find((s) => s.id === status.data?.next);
  return (
    <div className="panel">
      <h2>Steps</h2>
      {status.error && <div className="alert error" role="alert">Could not load the project&apos;s steps: {status.error.message}</div>}
      {next && (
        <p>
          <Link className="button primary" href={`${base}/${next.id}`} data-testid="next-step">
            Continue: {next.label} →
          </Link>
        </p>
      )}
      {status.data && !next && status.data.steps.every((s) => s.state === "done" || s.state === "later") && (
        <p className="muted" data-testid="all-steps-done">
          Every step this version offers is done. Open any of them to change it.
        </p>
      )}
      <div className={styles.overview}>
        {(status.data?.steps ?? []).map((step, i) => (
          <div key={step.id} className={styles.overviewStep}>
            <span className={`${styles.mark} ${styles[step.state]}`} aria-hidden>{step.state === "done" ? "✓" : i + 1}</span>
            <span className={styles.text}>
              <span className={styles.label}>{step.label}</span>
              <span className={styles.summary}>{step.summary}</span>
            </span>
            {step.state !== "later" && <Link href={`${base}/${step.id}`}>Open</Link>}
          </div>
        ))}
      </div>
    </div>
  );
}
