"use client";

/** The last answer: status and timing, Graph's error with its hint, paging, headers, JSON. */
import { useEffect, useId, useRef } from "react";
import type { ExploreResponse, SampleSummary } from "@/lib/builder/contracts";
import { JsonView } from "./JsonView";
import { NextPageBar } from "./NextPageBar";
import type { Problem } from "./problem";
import { ProblemAlert } from "./ProblemAlert";
import { ResponseHeaders } from "./ResponseHeaders";
import { ResponseSummary } from "./ResponseSummary";
import styles from "./explore.module.css";

export function ResponsePanel({
  projectId,
  response,
  samples,
  responseKey,
  revealKey,
  problem,
  pending,
  nextPending,
  busy,
  onNextPage,
}: {
  projectId: string;
  response: ExploreResponse | null;
  /** The project's samples, to show where the answer's sample stands now. */
  samples: SampleSummary[] | undefined;
  /** Changes with every new answer, so the JSON tree starts collapsed again. */
  responseKey: number;
  /** Changes with every answer to Send: the panel scrolls into view when it is out of sight. */
  revealKey: number;
  problem: Problem | null;
  pending: boolean;
  nextPending: boolean;
  busy: boolean;
  onNextPage: (endpoint: string) => void;
}) {
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (revealKey > 0 && panel.current) revealIfOutOfSight(panel.current);
  }, [revealKey]);
  return (
    <section ref={panel} className="panel" aria-labelledby={headingId} aria-busy={pending} data-testid="response-panel">
      <div className={styles.panelTitle}>
        <h2 id={headingId}>Response</h2>
        {pending ? <span className="muted" role="status">Waiting for Graph…</span> : null}
      </div>
      {problem ? <ProblemAlert problem={problem} projectId={projectId} testId="request-error" /> : null}
      {!response && !problem && !pending ? (
        <p className="muted" data-testid="no-response">
          Send a request to see Graph&apos;s answer here.
          {samples?.length ? " Answers are not kept across a reload; the samples they made are (see Samples)." : null}
        </p>
      ) : null}
      {response ? (
        <>
          <ResponseSummary response={response} />
          {response.graphError ? <ProblemAlert problem={response.graphError} projectId={projectId} testId="graph-error" /> : null}
          {response.sample ? <NextPageBar fromAnswer={response.sample} samples={samples} pending={nextPending} disabled={busy} onNextPage={onNextPage} /> : null}
          <ResponseHeaders headers={response.headers} />
          {response.body !== null ? <JsonView key={responseKey} value={response.body} label="Response body (JSON)" /> : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * Below a long request form the answer lands under the fold, and Send seemed to do
 * nothing: bring the panel's top into view, unless the person can already see it.
 */
function revealIfOutOfSight(element: HTMLElement): void {
  const top = element.getBoundingClientRect().top;
  if (top >= 0 && top < window.innerHeight * 0.75) return;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
}
