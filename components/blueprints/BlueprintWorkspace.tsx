"use client";

import type { EntryAnalysis } from "./blueprint-entries";
import { BlueprintEditor } from "./BlueprintEditor";
import { BlueprintList } from "./BlueprintList";
import styles from "./blueprints.module.css";
import type { BlueprintEntry } from "./generate";
import type { PortState } from "./pushed-state";

/** The list of blueprints beside the editor of the chosen one. */
export function BlueprintWorkspace({
  entries,
  analyses,
  portStates,
  selected,
  readOnly,
  onSelect,
  resetTextFor,
  onText,
  onRemove,
}: {
  entries: BlueprintEntry[];
  analyses: EntryAnalysis[];
  portStates: PortState[];
  selected: number;
  readOnly: boolean;
  onSelect: (index: number) => void;
  resetTextFor: (identifier: string) => string | null;
  onText: (index: number, text: string) => void;
  onRemove: (index: number) => void;
}) {
  const entry = entries[selected]!;
  return (
    <div className={styles.workspace}>
      <BlueprintList entries={entries} analyses={analyses} portStates={portStates} selected={selected} onSelect={onSelect} />
      <BlueprintEditor
        index={selected}
        entry={entry}
        analysis={analyses[selected]!}
        readOnly={readOnly}
        resetText={resetTextFor(entry.identifier)}
        onText={(text) => onText(selected, text)}
        onRemove={() => onRemove(selected)}
      />
    </div>
  );
}
