"use client";

/**
 * A Monaco editor with YAML validation and completion (monaco-yaml), loaded on demand
 * (client only): the chunk with Monaco and monaco-yaml is fetched when it first renders.
 */
import type { EditorProps } from "@monaco-editor/react";
import dynamic from "next/dynamic";

export type { EditorProps, Monaco, OnMount } from "@monaco-editor/react";

export const LazyYamlMonacoEditor = dynamic<EditorProps>(() => import("./YamlMonacoEditor"), {
  ssr: false,
  loading: () => (
    <p className="muted" role="status" data-testid="editor-loading">
      Loading the editor…
    </p>
  ),
});
