"use client";

import { DropReasons } from "./DropReasons";
import { DROP_WORDS, countText } from "./preview-words";
import type { ResourcePreview } from "./preview-run";
import styles from "./mapping.module.css";

function Counts({ r }: { r: ResourcePreview }) {
  const dropped = Object.entries(r.dropped);
  const fieldErrors = r.fields.filter((f) => f.errors || f.typeMismatch || f.notInBlueprint).length;
  return (
    <span className={styles.counts}>
      <span>
        items in <b data-testid="count-in">{countText(r.itemsIn)}</b>
      </span>
      <span>
        passing the selector <b data-testid="count-passed">{countText(r.passed)}</b>
      </span>
      <span>
        entities <b data-testid="count-entities">{countText(r.entities.length)}</b>
      </span>
      {dropped.map(([reason, d]) => (
        <span key={reason} title={d!.example}>
          {DROP_WORDS[reason as keyof typeof DROP_WORDS]} <b>{countText(d!.count)}</b>
        </span>
      ))}
      {fieldErrors > 0 && (
        <span>
          fields with problems <b>{fieldErrors}</b>
        </span>
      )}
    </span>
  );
}

/** The resources of the mapping with their figures; one is opened below. */
export function ResourceList({ resources, selected, onSelect }: { resources: readonly ResourcePreview[]; selected: number; onSelect: (index: number) => void }) {
  return (
    <ul className={styles.resources} aria-label="Resources" data-testid="preview-resources">
      {resources.map((r) => (
        <li key={r.index}>
          <button
            type="button"
            className={styles.resourceButton}
            aria-current={r.index === selected}
            onClick={() => onSelect(r.index)}
            data-testid="preview-resource"
            data-kind={r.kind}
            data-entities={r.entities.length}
          >
            <span className={styles.resourceKind}>
              {r.index + 1}. {r.kind}
            </span>
            <span className={styles.badges}>
              {r.sample.status === "loading" && <span className={styles.badge}>reading…</span>}
              {r.sample.status === "error" && <span className={`${styles.badge} ${styles.error}`}>no sample</span>}
              {r.failed && <span className={`${styles.badge} ${styles.error}`}>selector or data_path error</span>}
              {r.duplicates > 0 && <span className={`${styles.badge} ${styles.warn}`}>{countText(r.duplicates)} duplicates</span>}
            </span>
            <Counts r={r} />
          </button>
          {r.index === selected && <DropReasons resource={r} />}
        </li>
      ))}
    </ul>
  );
}
