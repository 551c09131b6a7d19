"use client";

/**
 * The response body as a collapsible tree, virtualised: only the rows in view are in the
 * DOM, so a page of 999 items (each one line until opened) scrolls smoothly.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { CopyButton } from "./CopyButton";
import { flattenJson, initialExpanded, toggled } from "./json-tree";
import { JsonRowView } from "./JsonRowView";
import styles from "./explore.module.css";

const ROW_HEIGHT = 22;

export function JsonView({ value, label }: { value: unknown; label: string }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(initialExpanded);
  const rows = useMemo(() => flattenJson(value, expanded), [value, expanded]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- its functions are read during render, as designed; the React Compiler is not used here
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 24 });
  return (
    <div>
      <div className={styles.jsonTools}>
        <span className="muted">{rows.length.toLocaleString("en-US")} lines shown</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setExpanded(initialExpanded())}>
          Collapse all
        </button>
        <CopyButton label="Copy JSON" text={() => JSON.stringify(value, null, 2)} />
      </div>
      <div ref={scroller} className={styles.json} role="region" aria-label={label} tabIndex={0} data-testid="json-view">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <JsonRowView
                key={row.id}
                row={row}
                style={{ transform: `translateY(${item.start}px)` }}
                onToggle={(pointer) => setExpanded((current) => toggled(current, pointer))}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
