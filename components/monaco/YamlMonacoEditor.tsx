"use client";

/**
 * The Monaco editor with YAML support (./yaml-setup). Do not import this file directly
 * from a page: use LazyYamlMonacoEditor, which loads it (and Monaco) only when shown.
 */
import Editor, { type EditorProps } from "@monaco-editor/react";
import { readOnlyInsideDisabled } from "./read-only-inside-disabled";
import "./yaml-setup";

export default function YamlMonacoEditor(props: EditorProps) {
  return <Editor {...props} onMount={readOnlyInsideDisabled(props.onMount)} />;
}
