"use client";

import { useState } from "react";
import { EntitiesTable } from "./EntitiesTable";
import { EntityDetail } from "./EntityDetail";
import { FieldBadges } from "./FieldBadges";
import type { ResourcePreview } from "./preview-run";
import { SampleNote } from "./SampleNote";
import styles from "./mapping.module.css";

/** One resource of the preview: its sample, its fields' figures, its entities and one entity beside its item. */
export function ResourceDetail({ resource, onGoTo }: { resource: ResourcePreview; onGoTo: (line: number, column?: number) => void }) {
  const [selected, setSelected] = useState<number | null>(null);
  const entity = selected !== null ? resource.entities[selected] : undefined;
  return (
    <div data-testid="resource-detail" data-kind={resource.kind}>
      <SampleNote sample={resource.sample} />
      {resource.problems.map((p) => (
        <p key={p.code + p.message} className={`${styles.sampleNote} ${styles.problem}`} role="alert">
          {p.message}
          {p.hint ? ` ${p.hint}` : ""}
        </p>
      ))}
      <FieldBadges fields={resource.fields} onGoTo={onGoTo} />
      <EntitiesTable entities={resource.entities} selected={entity ? selected : null} onSelect={setSelected} />
      {entity && <EntityDetail resource={resource} entity={entity} />}
    </div>
  );
}
