"use client";

/**
 * The port-app-config YAML in Monaco (lazily loaded): schema validation and completion
 * from the zod model (monaco-yaml), jq colouring inside the values Ocean runs as jq,
 * field-path and blueprint-property completion (completion.ts), every finding underlined
 * with its hover text, and the step's keyboard shortcuts. Hands the page an EditorHandle for the lint fixes, restores and "go to".
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { offsetPastDepth } from "@/lib/mapping";
import { LazyYamlMonacoEditor, type Monaco, type OnMount } from "../monaco/LazyYamlMonacoEditor";
import { suggestAt, type CompletionData } from "./completion";
import { markerSpecs } from "./editor-markers";
import { jqRanges } from "./jq-highlight";
import type { Finding } from "./findings";
import { mappingJsonSchema } from "./mapping-json-schema";
import styles from "./mapping.module.css";
import type { TextEdit } from "./yaml-edits";

type EditorInstance = Parameters<OnMount>[0];

export interface EditorHandle {
  /** Applies edits as one undoable step (Ctrl+Z takes them back). */
  applyEdits(edits: readonly TextEdit[], source: string): void;
  /** The whole text replaced, undoably (a restore). */
  replaceAll(text: string, source: string): void;
  goTo(line: number, column?: number): void;
  text(): string;
}

export interface Shortcuts {
  save(): void;
  run(): void;
  focusLints(): void;
}

const MODEL_PATH = "port-app-config.yaml";
const MARKER_OWNER = "mapping";

const OPTIONS = {
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  insertSpaces: true,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  wordWrap: "on" as const,
  quickSuggestions: { other: true, comments: false, strings: true },
  wordBasedSuggestions: "off" as const,
  renderValidationDecorations: "on" as const,
};

function handleFor(editor: EditorInstance, monaco: Monaco): EditorHandle {
  const rangeOf = (start: number, end: number) => {
    const model = editor.getModel()!;
    const a = model.getPositionAt(start);
    const b = model.getPositionAt(end);
    return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
  };
  return {
    applyEdits(edits, source) {
      editor.pushUndoStop();
      editor.executeEdits(source, edits.map((e) => ({ range: rangeOf(e.start, e.end), text: e.text, forceMoveMarkers: true })));
      editor.pushUndoStop();
    },
    replaceAll(text, source) {
      const model = editor.getModel()!;
      editor.pushUndoStop();
      editor.executeEdits(source, [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    goTo(line, column = 1) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    text: () => editor.getValue(),
  };
}

export function MappingEditor({
  text,
  onChange,
  findings,
  completion,
  shortcuts,
  onReady,
}: {
  text: string;
  onChange: (text: string) => void;
  findings: readonly Finding[];
  completion: CompletionData;
  shortcuts: Shortcuts;
  onReady: (handle: EditorHandle) => void;
}) {
  const [api, setApi] = useState<{ editor: EditorInstance; monaco: Monaco } | null>(null);
  // Text nested past the bound is plain text to Monaco: monaco-yaml's worker would compose
  // it by recursion with its own `yaml`, which can abort the tab (lib/mapping/yaml-depth.ts).
  // The Problems panel says why and where.
  const language = useMemo(() => (offsetPastDepth(text) === null ? "yaml" : "plaintext"), [text]);
  const completionRef = useRef(completion);
  const shortcutsRef = useRef(shortcuts);
  useEffect(() => {
    // While a key is half typed the YAML does not parse: complete from the last good configuration.
    completionRef.current = { ...completion, config: completion.config ?? completionRef.current.config };
    shortcutsRef.current = shortcuts;
  }, [completion, shortcuts]);

  useEffect(() => {
    const model = api?.editor.getModel();
    if (!api || !model) return;
    const severity = { error: api.monaco.MarkerSeverity.Error, warning: api.monaco.MarkerSeverity.Warning, info: api.monaco.MarkerSeverity.Info };
    const lineText = (line: number) => (line >= 1 && line <= model.getLineCount() ? model.getLineContent(line) : null);
    api.monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markerSpecs(findings, lineText).map((m) => ({ ...m, severity: severity[m.severity], source: "mapping" })),
    );
  }, [api, findings, text]);

  useEffect(() => {
    if (!api) return;
    const { editor, monaco } = api;
    const decorations = editor.createDecorationsCollection();
    const paint = () => {
      const ranges = jqRanges(editor.getValue());
      decorations.set(ranges.map((r) => ({ range: new monaco.Range(r.line, r.startColumn, r.line, r.endColumn), options: { inlineClassName: styles[`jq_${r.kind}`] } })));
    };
    paint();
    // Repainted once typing pauses; Monaco moves the existing decorations with the text meanwhile.
    let timer = 0;
    const changes = editor.onDidChangeModelContent(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(paint, 120);
    });
    return () => {
      window.clearTimeout(timer);
      changes.dispose();
      decorations.clear();
    };
  }, [api]);

  useEffect(() => {
    if (!api) return;
    const { monaco } = api;
    const kinds = { field: monaco.languages.CompletionItemKind.Field, property: monaco.languages.CompletionItemKind.Property, relation: monaco.languages.CompletionItemKind.Reference };
    const provider = monaco.languages.registerCompletionItemProvider("yaml", {
      triggerCharacters: [".", " "],
      provideCompletionItems(model: ReturnType<Monaco["editor"]["createModel"]>, position: InstanceType<Monaco["Position"]>) {
        if (model.uri.path !== `/${MODEL_PATH}`) return { suggestions: [] };
        const found = suggestAt(model.getValue(), position.lineNumber, position.column, completionRef.current);
        return {
          suggestions: found.map((s) => ({
            label: s.label,
            kind: kinds[s.kind],
            insertText: s.insertText,
            detail: s.detail,
            documentation: s.documentation,
            sortText: s.sortText,
            filterText: s.label,
            range: new monaco.Range(position.lineNumber, position.column - s.replace, position.lineNumber, position.column),
          })),
        };
      },
    });
    return () => provider.dispose();
  }, [api]);

  const mount: OnMount = (editor, monaco) => {
    void import("../monaco/yaml-setup").then(({ configureYamlSchema }) => configureYamlSchema(mappingJsonSchema(), MODEL_PATH, "https://entra-port-builder.local/port-app-config.schema.json"));
    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, () => shortcutsRef.current.save());
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => shortcutsRef.current.run());
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyM, () => shortcutsRef.current.focusLints());
    setApi({ editor, monaco });
    onReady(handleFor(editor, monaco));
  };

  return (
    <div className={styles.editorFrame} data-testid="mapping-editor">
      <LazyYamlMonacoEditor
        path={MODEL_PATH}
        language={language}
        value={text}
        options={OPTIONS}
        onChange={(value) => onChange(value ?? "")}
        onMount={mount}
        wrapperProps={{ "data-testid": "monaco-wrapper", "aria-label": "Mapping YAML (port-app-config)" }}
      />
    </div>
  );
}
