"use client";

import type { SampleSummary } from "@/lib/builder/contracts";
import styles from "./fields.module.css";
import { formatCount } from "./format";

/** One tab per sampled endpoint ("/users · 2,300 items"); arrow keys, Home and End move between them. */
export function EndpointTabs({ samples, selected, picks, onSelect }: { samples: SampleSummary[]; selected: string; picks: Record<string, number>; onSelect: (endpoint: string) => void }) {
  // The chosen tab takes the focus too: the one left behind is out of the tab order (tabIndex -1).
  const choose = (index: number) => {
    const next = samples[index];
    if (!next) return;
    onSelect(next.endpoint);
    document.getElementById(`endpoint-tab-${index}`)?.focus();
  };
  const keys: Record<string, (from: number) => number> = {
    ArrowRight: (from) => (from + 1) % samples.length,
    ArrowLeft: (from) => (from - 1 + samples.length) % samples.length,
    Home: () => 0,
    End: () => samples.length - 1,
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
              const target = keys[e.key];
              if (!target) return;
              e.preventDefault();
              choose(target(i));
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
