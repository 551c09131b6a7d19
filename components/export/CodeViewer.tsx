"use client";

/** An artefact's text with syntax colouring: Monaco, read-only, loaded on demand. */
import type { Artefact, ArtefactLanguage } from "@/lib/export";
import { LazyMonacoEditor } from "../monaco/LazyMonacoEditor";
import styles from "./export.module.css";

const MONACO_LANGUAGE: Record<ArtefactLanguage, string> = { yaml: "yaml", json: "json", shell: "shell", dotenv: "ini", markdown: "markdown" };

export function CodeViewer({ artefact }: { artefact: Artefact }) {
  return (
    <div className={styles.viewer} data-testid="export-viewer">
      <LazyMonacoEditor
        path={`export/${artefact.fileName}`}
        language={MONACO_LANGUAGE[artefact.language]}
        value={artefact.content}
        options={{
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: "on",
          fontSize: 13,
          renderLineHighlight: "none",
          ariaLabel: `${artefact.fileName} (read-only)`,
        }}
      />
    </div>
  );
}
