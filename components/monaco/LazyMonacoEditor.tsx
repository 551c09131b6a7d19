"use client";

/**
 * A Monaco editor loaded on demand (client only): the chunk with Monaco is fetched when
 * the first editor renders, not with the page.
 */
import type { EditorProps } from "@monaco-editor/react";
import dynamic from "next/dynamic";

export type { EditorProps, Monaco, OnMount } from "@monaco-editor/react";

export const LazyMonacoEditor = dynamic<EditorProps>(() => import("./MonacoEditor"), {
  ssr: false,
  loading: () => (
    <p className="muted" role="status" data-testid="editor-loading">
      Loading the editor…
    </p>
  ),
});
