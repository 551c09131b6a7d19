"use client";

import type { SampleState } from "./preview-run";
import { cellText, countText } from "./preview-words";
import styles from "./mapping.module.css";

/** What the resource's preview sample is: the request, how much of it, and what went wrong. */
export function SampleNote({ sample }: { sample: SampleState }) {
  if (sample.status === "loading") return <p className={styles.sampleNote}>Reading a sample from Graph…</p>;
  if (sample.status === "error") {
    return (
      <p className={`${styles.sampleNote} ${styles.problem}`} role="alert">
        No sample: {sample.message}
        {sample.hint && <span>{sample.hint}</span>}
      </p>
    );
  }
  const s = sample.sample;
  return (
    <div className={styles.sampleNote} data-testid="sample-note">
      <span>
        Sample: <code>GET {s.request}</code> — {countText(s.items)} items, {s.pages.length} {s.pages.length === 1 ? "page" : "pages"}
      </span>
      {s.parents && (
        <details data-testid="parents-note">
          <summary>
            {countText(s.parents.sampled)} {s.parents.param.replace(/_id$/, "")}s sampled{s.parents.total !== null ? ` of ${countText(s.parents.total)}` : ""} (
            {s.parents.perParent.filter((p) => p.complete).length} read to their last page)
          </summary>
          <ul>
            {s.parents.perParent.map((p) => (
              <li key={p.value} data-testid="parent" data-value={p.value} data-items={p.items} data-complete={p.complete}>
                <code>{cellText(p.value, 200)}</code>: {countText(p.items)} items{p.complete ? "" : " (cut)"}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.truncated && <span>{s.truncated}</span>}
      {s.notes.map((n) => (
        <span key={n}>{n}</span>
      ))}
      {s.problem && (
        <span className={styles.problem} role="alert">
          Graph answered an error{s.problem.request ? ` for ${s.problem.request}` : ""}: {s.problem.message}
          {s.problem.hint ? ` ${s.problem.hint}` : ""}
        </span>
      )}
    </div>
  );
}
