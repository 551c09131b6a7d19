"use client";

import Link from "next/link";
import styles from "./connect.module.css";

/** The way on: prominent once both connections passed their checks. */
export function NextStep({ projectId, bothSaved, bothWork }: { projectId: string; bothSaved: boolean; bothWork: boolean }) {
  const href = `/projects/${encodeURIComponent(projectId)}/explore`;
  if (!bothSaved) return null;
  return (
    <div className={`panel ${styles.next}`} data-testid="connect-next">
      {bothWork ? (
        <>
          <p>Both connections work.</p>
          <Link className="button primary" href={href} data-testid="next-explore">Next: Explore →</Link>
        </>
      ) : (
        <>
          <p className="muted">Both connections are saved. Test them to know they work, or go on.</p>
          <Link className="button" href={href} data-testid="next-explore">Explore →</Link>
        </>
      )}
    </div>
  );
}
