"use client";

/**
 * Every problem of the mapping, worst first, each with where it is (a button that moves the
 * editor's cursor there) and its one-click fix when there is one. Reachable from the
 * keyboard: Ctrl/Cmd+Shift+M focuses the list, Tab moves through its buttons.
 */
import type { Ref } from "react";
import type { Finding } from "./findings";
import { shownText } from "../explore/visible-text";
import { FIX_LABELS } from "./lint-fixes";
import styles from "./mapping.module.css";

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const MARK = { error: "●", warning: "▲", info: "i" } as const;
const SEVERITY_CLASS = { error: styles.sevError, warning: styles.sevWarning, info: styles.sevInfo } as const;

export function LintsPanel({
  findings,
  listRef,
  onFix,
  onGoTo,
}: {
  findings: readonly Finding[];
  listRef: Ref<HTMLElement>;
  onFix: (finding: Finding) => void;
  onGoTo: (line: number, column?: number) => void;
}) {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <section className={styles.section} aria-labelledby="lints-title" ref={listRef} tabIndex={-1} data-testid="lints-panel">
      <div className={styles.sectionHead}>
        <h3 id="lints-title">Problems and advice</h3>
        <span className="muted" style={{ fontSize: 12 }}>
          {findings.length === 0 ? "none" : `${findings.length} (${errors} ${errors === 1 ? "error" : "errors"})`}
        </span>
        <span className={styles.kbd} title="Focus this list">
          Ctrl+Shift+M
        </span>
      </div>
      {sorted.length === 0 ? (
        <p className={styles.empty}>Nothing to report: the mapping follows Ocean&apos;s rules and Graph&apos;s limits as far as the samples show.</p>
      ) : (
        <ul className={styles.findings}>
          {sorted.map((f) => (
            <li key={f.id} className={styles.finding} data-testid="finding" data-code={f.code} data-severity={f.severity}>
              <span className={SEVERITY_CLASS[f.severity]} aria-label={f.severity} title={f.severity}>
                {MARK[f.severity]}
              </span>
              <span>
                {/* A finding quotes values from Graph: invisible and bidi characters shown as escapes, a long one cut. */}
                {shownText(f.message)}
                {f.line !== undefined && (
                  <button type="button" className={`link ${styles.where}`} onClick={() => onGoTo(f.line!, f.column)} data-testid="finding-go-to">
                    line {f.line}
                    {f.column !== undefined ? `, column ${f.column}` : ""}
                  </button>
                )}
              </span>
              {f.hint && <span className={styles.hint}>{f.hint}</span>}
              {f.fix && (
                <span className={styles.findingActions}>
                  <button type="button" className="primary" onClick={() => onFix(f)} data-testid="apply-fix" data-fix={f.fix.kind}>
                    {FIX_LABELS[f.fix.kind]}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
