"use client";

/**
 * Step 5, Mapping: the port-app-config YAML in Monaco beside its live preview, the
 * problems list with one-click fixes, and the history of saved versions. The text is the
 * one shared state: the editor changes it, the preview and the findings follow it, fixes
 * and restores are edits of it (undoable), and it is saved to the project as it changes.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { parsePortAppConfig } from "@/lib/mapping";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { SaveProblem } from "../fields/SaveProblem";
import { SavingIndicator } from "../fields/SavingIndicator";
import type { Finding } from "./findings";
import type { MappingStart } from "@/lib/builder/mapping-contracts";
import { GenerateButton } from "./GenerateButton";
import { HistoryPanel } from "./HistoryPanel";
import { fixEdits } from "./lint-fixes";
import { LintsPanel } from "./LintsPanel";
import { MappingEditor, type EditorHandle, type Shortcuts } from "./MappingEditor";
import { PreviewPanel } from "./PreviewPanel";
import { StartNotes } from "./StartNotes";
import { useLeaveGuard } from "./useLeaveGuard";
import { useMappingDocument } from "./useMappingDocument";
import { usePreview } from "./usePreview";
import { useProjectBlueprints } from "./useProjectBlueprints";
import { useShortcuts } from "./useShortcuts";
import styles from "./mapping.module.css";

export function MappingStep({ projectId }: { projectId: string }) {
  const doc = useMappingDocument(projectId);
  const { blueprints, fromSeed } = useProjectBlueprints(projectId);
  const preview = usePreview(projectId, doc.content, blueprints, doc.loaded);
  const editor = useRef<EditorHandle | null>(null);
  const lints = useRef<HTMLElement>(null);
  const [selected, setSelected] = useState(0);
  const [showHistory, setShowHistory] = useState(false);
  const [generatedNotes, setGeneratedNotes] = useState<string[] | null>(null);

  const goTo = useCallback((line: number, column?: number) => editor.current?.goTo(line, column), []);
  const { runNow } = preview;
  const { saveNow } = doc;
  const shortcuts: Shortcuts = useMemo(
    () => ({ save: () => void saveNow(), run: runNow, focusLints: () => lints.current?.focus() }),
    [saveNow, runNow],
  );
  useShortcuts(shortcuts);
  useLeaveGuard(doc.status.state === "error" || doc.status.state === "conflict");

  const applyFix = useCallback((finding: Finding) => {
    const handle = editor.current;
    if (!handle || !finding.fix) return;
    const text = handle.text();
    const parsed = parsePortAppConfig(text);
    if (!parsed.config) return;
    const edits = fixEdits(text, parsed.config, finding.fix);
    if (edits.length > 0) handle.applyEdits(edits, `fix-${finding.fix.kind}`);
  }, []);

  const restore = useCallback(
    (yaml: string, version: number) => {
      editor.current?.replaceAll(yaml, "restore");
      void saveNow(`restored version ${version}`);
    },
    [saveNow],
  );

  const generated = useCallback(
    (start: MappingStart) => {
      editor.current?.replaceAll(start.yaml, "generate");
      setGeneratedNotes(start.notes);
      void saveNow("generated from the blueprints");
    },
    [saveNow],
  );

  const completion = useMemo(() => ({ config: preview.parsed.config, samples: preview.samples, blueprints }), [preview.parsed.config, preview.samples, blueprints]);
  const { shown, latest, stale, running, waitingForSamples, runs, lastDurationMs } = preview;
  const previewState = useMemo(() => ({ shown, latest, stale, running, waitingForSamples, runs, lastDurationMs }), [shown, latest, stale, running, waitingForSamples, runs, lastDurationMs]);

  return (
    <section className="panel" aria-labelledby="mapping-title" data-testid="mapping-step">
      <div className={styles.header}>
        <h2 id="mapping-title">Mapping</h2>
        <SavingIndicator status={doc.status} loaded={doc.loaded} />
        <div className={styles.headerActions}>
          <button type="button" onClick={() => void doc.saveNow()} disabled={!doc.loaded} data-testid="save-now">
            Save<span className={styles.kbd}>Ctrl+S</span>
          </button>
          <button type="button" onClick={preview.runNow} data-testid="run-preview">
            Run preview<span className={styles.kbd}>Ctrl+Enter</span>
          </button>
          <button type="button" onClick={() => void preview.refreshSamples()} disabled={preview.fetchingSamples} data-testid="refresh-samples" title="Read every resource's sample from Graph again">
            Read samples again
          </button>
          <GenerateButton projectId={projectId} onGenerated={generated} />
          <button type="button" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory} data-testid="toggle-history">
            History
          </button>
        </div>
      </div>
      <SaveProblem status={doc.status} onRetry={doc.retry} onReload={doc.reload} />
      {doc.loadError && <ErrorAlert error={doc.loadError} />}
      <StartNotes notes={generatedNotes ?? doc.startNotes} fromSeedBlueprints={fromSeed} />
      {!doc.loaded ? (
        <p className="muted" role="status">
          Loading the mapping…
        </p>
      ) : (
        <div className={styles.workspace}>
          <div className={styles.editorColumn}>
            <MappingEditor
              text={doc.content}
              onChange={doc.edit}
              findings={preview.findings}
              completion={completion}
              shortcuts={shortcuts}
              onReady={(handle) => (editor.current = handle)}
            />
            {showHistory && <HistoryPanel projectId={projectId} current={doc.content} version={doc.version} onRestore={restore} />}
            <LintsPanel findings={preview.findings} listRef={lints} onFix={applyFix} onGoTo={goTo} />
          </div>
          <PreviewPanel state={previewState} fetchingSamples={preview.fetchingSamples} selected={selected} onSelect={setSelected} onGoTo={goTo} />
        </div>
      )}
    </section>
  );
}
