"use client";

/** A fetch-all run: a real progress bar while it runs, then how it ended. */
import { describeOutcome, type FetchAllState } from "./fetch-all-state";
import { pagesAndItems } from "./format";
import { ProblemAlert } from "./ProblemAlert";
import styles from "./explore.module.css";

export function FetchAllProgress({ state, projectId }: { state: Exclude<FetchAllState, { phase: "idle" }>; projectId: string }) {
  const running = state.phase === "running";
  const complete = state.phase === "finished" && state.outcome.kind === "complete";
  return (
    <section className="panel" aria-label="Fetch all pages: progress" data-testid="fetch-all-progress">
      <div className={styles.progressBox}>
        <div className="row">
          <strong>
            {running ? "Fetching" : "Fetched"} <code>{state.endpoint}</code>
          </strong>
          <span className="spacer" />
          <span data-testid="fetch-all-counts">{pagesAndItems(state.pages, state.items)}</span>
        </div>
        {/* Graph never says how many pages there are: the bar runs against the limit, and is full once the last page is read. */}
        <progress max={complete ? Math.max(state.pages, 1) : state.maxPages} value={complete ? Math.max(state.pages, 1) : state.pages} aria-label={complete ? "Every page fetched" : `Pages fetched of at most ${state.maxPages}`} />
        <span className="muted" role="status">
          {running
            ? state.cancelling
              ? "Cancelling: the server keeps what it has read…"
              : `${state.pages.toLocaleString("en-US")} of at most ${state.maxPages.toLocaleString("en-US")} pages`
            : null}
        </span>
        {state.phase === "finished" ? (
          <>
            <p
              className={`${styles.outcome} ${state.outcome.kind === "complete" ? styles.complete : ""}`}
              style={{ margin: 0 }}
              role="status"
              data-testid="fetch-all-outcome"
              data-outcome={state.outcome.kind}
            >
              {describeOutcome(state)}
            </p>
            {state.outcome.kind === "error" ? <ProblemAlert problem={state.outcome.error} projectId={projectId} testId="fetch-all-error" /> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
