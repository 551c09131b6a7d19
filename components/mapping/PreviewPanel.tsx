"use client";

/**
 * The live preview beside the editor: its state in words, the resources with their
 * figures, and the opened resource's fields and entities. While the text has an error the
 * last good preview stays, dimmed and marked stale.
 */
import { memo } from "react";
import type { ResourcePreview } from "./preview-run";
import type { PreviewState } from "./preview-scheduler";
import { PreviewStatus } from "./PreviewStatus";
import { ResourceDetail } from "./ResourceDetail";
import { ResourceList } from "./ResourceList";
import styles from "./mapping.module.css";

export const PreviewPanel = memo(function PreviewPanel({
  state,
  fetchingSamples,
  selected,
  onSelect,
  onGoTo,
}: {
  state: PreviewState;
  fetchingSamples: boolean;
  selected: number;
  onSelect: (index: number) => void;
  onGoTo: (line: number, column?: number) => void;
}) {
  const resources: readonly ResourcePreview[] = state.shown?.resources ?? [];
  const open = resources.find((r) => r.index === selected) ?? resources[0];
  return (
    <section className={styles.section} aria-labelledby="preview-title" data-testid="preview-panel" data-runs={state.runs} data-stale={state.stale !== null}>
      <div className={styles.sectionHead}>
        <h3 id="preview-title">Preview</h3>
        <span className="muted" style={{ fontSize: 12 }}>
          Ocean&apos;s rules: first output, error → null, boolean selector, no identifier → dropped
        </span>
      </div>
      <div className={styles.sectionBody}>
        <PreviewStatus
          running={state.running}
          waitingForSamples={state.waitingForSamples}
          fetchingSamples={fetchingSamples}
          stale={state.stale}
          lastDurationMs={state.lastDurationMs}
          hasPreview={state.shown !== null}
          onGoTo={onGoTo}
        />
        <div className={state.stale ? styles.staleBody : undefined}>
          {resources.length === 0 ? (
            <p className={styles.empty}>{state.shown ? "The mapping has no resources." : "The preview appears here once the samples are read."}</p>
          ) : (
            <>
              <ResourceList resources={resources} selected={open?.index ?? 0} onSelect={onSelect} />
              {open && <ResourceDetail key={`${open.index}:${open.kind}`} resource={open} onGoTo={onGoTo} />}
            </>
          )}
        </div>
      </div>
    </section>
  );
});
