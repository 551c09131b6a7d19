"use client";

import type { EntryAnalysis } from "./blueprint-entries";
import styles from "./blueprints.module.css";
import type { BlueprintEntry } from "./generate";
import { PORT_STATE_WORDS, type PortState } from "./pushed-state";

const PORT_BADGE: Record<PortState, string> = { "in-port": styles.ok!, changed: styles.warn!, "not-in-port": "", unknown: "" };

/** The project's blueprints, with their errors and whether Port has them; choosing one opens its editor. */
export function BlueprintList({
  entries,
  analyses,
  portStates,
  selected,
  onSelect,
}: {
  entries: BlueprintEntry[];
  analyses: EntryAnalysis[];
  portStates: PortState[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  return (
    <nav aria-label="Blueprints">
      <ul className={styles.list}>
        {entries.map((entry, i) => {
          const analysis = analyses[i];
          const state = portStates[i] ?? "unknown";
          return (
            <li key={i}>
              <button type="button" aria-current={i === selected ? "true" : undefined} onClick={() => onSelect(i)} data-testid="blueprint-item" data-identifier={entry.identifier}>
                <span className={styles.itemTitle}>{analysis?.blueprint?.title ?? entry.identifier}</span>
                <span className={styles.itemId}>{entry.identifier}</span>
                <span className={styles.badges}>
                  {analysis && analysis.errors > 0 && (
                    <span className={`${styles.badge} ${styles.error}`}>
                      {analysis.errors} {analysis.errors === 1 ? "error" : "errors"}
                    </span>
                  )}
                  {PORT_STATE_WORDS[state] && <span className={`${styles.badge} ${PORT_BADGE[state]}`}>{PORT_STATE_WORDS[state]}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
