"use client";

import type { Artefact } from "@/lib/export";
import { CopyButton } from "../explore/CopyButton";
import { panelId, tabId } from "./ArtefactTabs";
import { CodeViewer } from "./CodeViewer";
import styles from "./export.module.css";

/** One file: what it is for, what to watch out for, a copy button and its text. */
export function ArtefactPanel({ artefact }: { artefact: Artefact }) {
  return (
    <div role="tabpanel" id={panelId} aria-labelledby={tabId(artefact.id)} data-testid="export-panel" data-artefact={artefact.id}>
      <div className={styles.panelHead}>
        <p>{artefact.description}</p>
        <CopyButton text={() => artefact.content} label={`Copy ${artefact.fileName}`} />
      </div>
      {artefact.warnings.length > 0 && (
        <ul className={styles.warnings}>
          {artefact.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <CodeViewer artefact={artefact} />
    </div>
  );
}
