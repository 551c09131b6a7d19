"use client";

/** The first line of an answer: HTTP status (coloured), time, the request and its item count. */
import type { ExploreResponse } from "@/lib/builder/contracts";
import { formatDuration, plural, readableRequest, statusTone } from "./format";
import styles from "./explore.module.css";

export function ResponseSummary({ response }: { response: ExploreResponse }) {
  const tone = statusTone(response.status);
  return (
    <div className={styles.summary}>
      <span className={`${styles.status} ${styles[tone]}`} data-testid="response-status" data-tone={tone}>
        {response.status === 0 ? "No answer" : `HTTP ${response.status}`}
      </span>
      <span data-testid="response-time">{formatDuration(response.durationMs)}</span>
      {response.itemCount !== null ? <span data-testid="response-items">{plural(response.itemCount, "item")}</span> : null}
      <span className={styles.requestLine}>
        <span className="muted">GET</span> <span data-testid="response-request">{readableRequest(response.request)}</span>
      </span>
    </div>
  );
}
