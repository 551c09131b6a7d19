"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { StepState } from "@/lib/builder/contracts";
import styles from "./project.module.css";
import { useProjectStatus } from "./useProjectStatus";

const MARK: Record<StepState["state"], string> = { done: "✓", ready: "→", waiting: "·", later: "·" };

/** The way through the steps: each links to its page and says where it stands. */
export function StepRail({ projectId }: { projectId: string }) {
  const status = useProjectStatus(projectId);
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(projectId)}`;
  if (status.error) return <nav className={styles.rail} aria-label="Steps"><p className="muted">Could not load the steps: {status.error.message}</p></nav>;
  return (
    <nav className={styles.rail} aria-label="Steps">
      <ol>
        {(status.data?.steps ?? []).map((step, i) => {
          const href = `${base}/${step.id}`;
          const current = pathname === href;
          const isNext = status.data?.next === step.id;
          const body = (
            <>
              <span className={`${styles.mark} ${styles[step.state]}`} aria-hidden>{step.state === "done" ? MARK.done : i + 1}</span>
              <span className={styles.text}>
                <span className={styles.label}>
                  {step.label}
                  {isNext && <span className={styles.nextBadge}>next</span>}
                </span>
                <span className={styles.summary} data-testid={`step-summary-${step.id}`}>{step.summary}</span>
              </span>
            </>
          );
          return (
            <li key={step.id} className={current ? styles.current : undefined}>
              {step.state === "later" ? (
                <span className={styles.disabled} aria-disabled>{body}</span>
              ) : (
                <Link href={href} aria-current={current ? "page" : undefined}>{body}</Link>
              )}
            </li>
          );
        })}
      </ol>
      {status.isPending && <p className="muted">Loading…</p>}
    </nav>
  );
}
