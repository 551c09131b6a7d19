"use client";

/**
 * The Monaco editor of @monaco-editor/react, on the bundled Monaco (./monaco-setup).
 * Do not import this file directly from a page: use LazyMonacoEditor, which loads it
 * (and Monaco, about 1 MB) only when an editor is shown.
 */
import Editor, { type EditorProps } from "@monaco-editor/react";
import { readOnlyInsideDisabled } from "./read-only-inside-disabled";
import "./monaco-setup";

export default function MonacoEditor(props: EditorProps) {
  return <Editor {...props} onMount={readOnlyInsideDisabled(props.onMount)} />;
}
