"use client";

import type { SampleSummary } from "@/lib/builder/contracts";
import styles from "./fields.module.css";
import { formatCount } from "./format";

/** One tab per sampled endpoint ("/users · 2,300 items"); arrow keys move between them. */
export function EndpointTabs({ samples, selected, picks, onSelect }: { samples: SampleSummary[]; selected: string; picks: Record<string, number>; onSelect: (endpoint: string) => void }) {
  const move = (from: number, by: number) => {
    const next = samples[(from + by + samples.length) % samples.length];
    if (next) onSelect(next.endpoint);
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Sampled endpoints">
      {samples.map((s, i) => {
        const active = s.endpoint === selected;
        const picked = picks[s.endpoint] ?? 0;
        return (
          <button
            key={s.endpoint}
            type="button"
            role="tab"
            id={`endpoint-tab-${i}`}
            aria-selected={active}
            aria-controls="endpoint-panel"
            tabIndex={active ? 0 : -1}
            className={styles.tab}
            data-testid="endpoint-tab"
            onClick={() => onSelect(s.endpoint)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(i, 1);
              else if (e.key === "ArrowLeft") move(i, -1);
            }}
          >
            {s.endpoint}
            <span className={styles.tabCount}>
              · {formatCount(s.itemCount)} {s.itemCount === 1 ? "item" : "items"}
              {picked ? ` · ${formatCount(picked)} picked` : ""}
            </span>
          </button>
        );
      })}
    </div>
  );
}
