"use client";

/**
 * One blueprint's JSON in Monaco: problems as markers at their line and column and as a
 * list below (a click moves the cursor there), "Reset to generated" and "Remove".
 */
import { useEffect, useState } from "react";
import type { BlueprintProblem } from "@/lib/schema";
import { LazyMonacoEditor, type Monaco, type OnMount } from "../monaco/LazyMonacoEditor";
import type { EntryAnalysis } from "./blueprint-entries";
import styles from "./blueprints.module.css";
import type { BlueprintEntry } from "./generate";
import { ProblemList } from "./ProblemList";

type EditorInstance = Parameters<OnMount>[0];

const MARKER_OWNER = "port-blueprint";

const EDITOR_OPTIONS = {
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  wordWrap: "on" as const,
};

export function BlueprintEditor({
  index,
  entry,
  analysis,
  readOnly,
  resetText,
  onText,
  onRemove,
}: {
  index: number;
  entry: BlueprintEntry;
  analysis: EntryAnalysis;
  readOnly: boolean;
  /** The generated (or template) text of this blueprint, when there is one. */
  resetText: string | null;
  onText: (text: string) => void;
  onRemove: () => void;
}) {
  const [api, setApi] = useState<{ editor: EditorInstance; monaco: Monaco } | null>(null);

  useEffect(() => {
    const model = api?.editor.getModel();
    if (!api || !model) return;
    api.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      analysis.problems.map((p) => ({
        severity: p.severity === "error" ? api.monaco.MarkerSeverity.Error : api.monaco.MarkerSeverity.Warning,
        message: p.message,
        startLineNumber: p.line,
        startColumn: p.column,
        endLineNumber: p.endLine,
        endColumn: Math.max(p.endColumn, p.endLine === p.line ? p.column + 1 : p.endColumn),
      })),
    );
  }, [api, analysis.problems, index]);

  const go = (problem: BlueprintProblem) => {
    if (!api) return;
    api.editor.setPosition({ lineNumber: problem.line, column: problem.column });
    api.editor.revealLineInCenter(problem.line);
    api.editor.focus();
  };

  const reset = () => {
    if (resetText !== null && window.confirm(`Replace ${entry.identifier}'s JSON with the generated one? Your edits to it are dropped.`)) onText(resetText);
  };
  const remove = () => {
    if (window.confirm(`Remove ${entry.identifier} from this project? (Nothing is deleted in Port.)`)) onRemove();
  };

  return (
    <div data-testid="blueprint-editor">
      <div className={styles.editorHead}>
        <h3>{entry.identifier}</h3>
        <span className="spacer" />
        <button type="button" onClick={reset} disabled={readOnly || resetText === null || resetText === entry.text} data-testid="reset-blueprint" title={resetText === null ? "No generated version of this blueprint" : undefined}>
          Reset to generated
        </button>
        <button type="button" className="danger" onClick={remove} disabled={readOnly} data-testid="remove-blueprint">
          Remove
        </button>
      </div>
      <div className={styles.editorFrame}>
        <LazyMonacoEditor
          path={`blueprint-${index}.json`}
          language="json"
          value={entry.text}
          options={{ ...EDITOR_OPTIONS, readOnly }}
          onChange={(value) => onText(value ?? "")}
          onMount={(editor, monaco) => setApi({ editor, monaco })}
          wrapperProps={{ "data-testid": "monaco-wrapper", "aria-label": `JSON of blueprint ${entry.identifier}` }}
        />
      </div>
      <p className={styles.keyboardHint}>
        In the editor Tab indents: press <kbd>Ctrl</kbd>+<kbd>M</kbd> (on a Mac <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd>), then Tab, to move on with the keyboard.
      </p>
      <ProblemList problems={analysis.problems} onGo={go} />
    </div>
  );
}
