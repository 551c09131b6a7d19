"use client";

import { useMemo } from "react";
import { diffCounts, lineDiff, withContext } from "./line-diff";
import styles from "./mapping.module.css";

/** The lines that differ between a saved version and the current text, with context. */
export function DiffView({ before, after, beforeLabel }: { before: string; after: string; beforeLabel: string }) {
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const { added, removed } = diffCounts(lines);
  const shown = useMemo(() => withContext(lines), [lines]);
  if (added === 0 && removed === 0) return <p className={styles.empty}>{beforeLabel} is the same as the current text.</p>;
  return (
    <div data-testid="diff">
      <p className={styles.empty} style={{ padding: "4px 12px" }}>
        From {beforeLabel} to the current text: <span className={styles.diffAdded}>+{added}</span> <span className={styles.diffRemoved}>−{removed}</span> lines
      </p>
      <div className={styles.diff} role="table" aria-label={`Changes from ${beforeLabel} to the current text`}>
        {shown.map((l, i) =>
          l === null ? (
            <div key={`gap${i}`} className={styles.diffGap}>
              ⋯
            </div>
          ) : (
            <div key={i} className={l.kind === "added" ? styles.diffAdded : l.kind === "removed" ? styles.diffRemoved : undefined} data-kind={l.kind}>
              <span className={styles.lineNo}>{l.kind === "added" ? "+" : l.kind === "removed" ? "−" : " "}{l.oldLine ?? l.newLine}</span>
              {l.text}
            </div>
          ),
        )}
      </div>
    </div>
  );
}
