"use client";

/** One kept sample: what it holds, and Open, Refresh, Delete. */
import type { SampleSummary } from "@/lib/builder/contracts";
import { formatBytes, plural } from "./format";
import styles from "./explore.module.css";

function updatedText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function SampleItem({
  sample,
  busy,
  onOpen,
  onRefresh,
  onDelete,
}: {
  sample: SampleSummary;
  busy: boolean;
  onOpen: () => void;
  onRefresh: () => void;
  onDelete: () => void;
}) {
  const name = sample.endpoint;
  return (
    <li className={styles.sample} data-testid="sample" data-endpoint={name}>
      <code>{name}</code>
      <span className={styles.sampleFacts} data-testid="sample-facts">
        {plural(sample.itemCount, "item")} · {plural(sample.pages, "page")} · {formatBytes(sample.bytes)}
        {sample.hasNextPage && !sample.truncated ? " · more pages in Graph" : ""}
      </span>
      {sample.truncated ? <span className={styles.cut}>Cut: {sample.truncated}</span> : null}
      <span className={styles.sampleFacts}>
        Updated <time dateTime={sample.updatedAt}>{updatedText(sample.updatedAt)}</time>
      </span>
      <span className={styles.sampleActions}>
        <button type="button" onClick={onOpen} aria-label={`Open ${name} in the request form`}>
          Open
        </button>
        <button type="button" onClick={onRefresh} disabled={busy} aria-label={`Refresh ${name}`}>
          Refresh
        </button>
        <button type="button" className="danger" onClick={onDelete} disabled={busy} aria-label={`Delete the sample of ${name}`}>
          Delete
        </button>
      </span>
    </li>
  );
}
