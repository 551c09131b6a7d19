"use client";

/** Where the sample stands after this page, and the way to the next one. */
import type { ExploreResponse } from "@/lib/builder/contracts";
import { keptInSample } from "./format";
import styles from "./explore.module.css";

export function NextPageBar({
  response,
  pending,
  disabled,
  onNextPage,
}: {
  response: ExploreResponse;
  pending: boolean;
  disabled: boolean;
  onNextPage: (endpoint: string) => void;
}) {
  const sample = response.sample;
  if (!sample) return null;
  return (
    <div className={styles.paging}>
      <span data-testid="sample-position">{keptInSample(sample)}</span>
      {sample.truncated ? <span className={styles.cut}>{sample.truncated}</span> : null}
      {response.hasNextPage ? (
        <button type="button" onClick={() => onNextPage(sample.endpoint)} disabled={disabled || pending} data-testid="next-page">
          {pending ? "Loading the next page…" : "Next page"}
        </button>
      ) : (
        <span className="muted">Last page: Graph sent no @odata.nextLink.</span>
      )}
    </div>
  );
}
