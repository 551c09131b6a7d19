"use client";

import { useRef, type KeyboardEvent } from "react";
import type { Artefact } from "@/lib/export";
import styles from "./export.module.css";

export const tabId = (id: string) => `export-tab-${id}`;
export const panelId = "export-artefact-panel";

/** A tab per artefact; arrow keys, Home and End move between them (roving focus). */
export function ArtefactTabs({ artefacts, selected, onSelect }: { artefacts: Artefact[]; selected: string; onSelect(id: string): void }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = artefacts.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = artefacts[(next + artefacts.length) % artefacts.length]!;
    onSelect(target.id);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(target.id)}`)?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Exported files" ref={list}>
      {artefacts.map((a, i) => (
        <button
          key={a.id}
          id={tabId(a.id)}
          type="button"
          role="tab"
          className={styles.tab}
          aria-selected={a.id === selected}
          aria-controls={panelId}
          tabIndex={a.id === selected ? 0 : -1}
          onClick={() => onSelect(a.id)}
          onKeyDown={(e) => move(e, i)}
          data-testid={`export-tab-${a.id}`}
        >
          {a.title}
          <span className={styles.file}>{a.fileName}</span>
        </button>
      ))}
    </div>
  );
}
