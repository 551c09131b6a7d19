"use client";

/** Where the sample stands after this page, and the way to the next one. */
import type { SampleSummary } from "@/lib/builder/contracts";
import { currentSample } from "./current-sample";
import { keptInSample, pagesAndItems } from "./format";
import styles from "./explore.module.css";

export function NextPageBar({
  fromAnswer,
  samples,
  pending,
  disabled,
  onNextPage,
}: {
  fromAnswer: SampleSummary;
  samples: SampleSummary[] | undefined;
  pending: boolean;
  disabled: boolean;
  onNextPage: (endpoint: string) => void;
}) {
  const { sample, changedSince } = currentSample(fromAnswer, samples);
  return (
    <div className={styles.paging}>
      <span data-testid="sample-position">
        {changedSince ? `Since this answer, the sample changed: ${pagesAndItems(sample.pages, sample.itemCount)} kept` : keptInSample(sample)}
      </span>
      {sample.truncated ? <span className={styles.cut}>{sample.truncated}</span> : null}
      {sample.hasNextPage && !sample.truncated ? (
        <button type="button" onClick={() => onNextPage(sample.endpoint)} disabled={disabled || pending} data-testid="next-page">
          {pending ? "Loading the next page…" : `Next page (${sample.pages + 1})`}
        </button>
      ) : !sample.hasNextPage ? (
        // After a fetch of all pages the shown page may still carry its nextLink: say where the sample stands, not this page.
        <span className="muted">{changedSince ? "The sample now goes to Graph's last page." : "Last page: Graph sent no @odata.nextLink."}</span>
      ) : null}
    </div>
  );
}
