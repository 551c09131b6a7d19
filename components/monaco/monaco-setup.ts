/**
 * Monaco from the app's own bundle, never a CDN: the editor, its language services and
 * their workers are served by this app (stack-notes.md, "Monaco offline"). Importing this
 * module has effects (it configures @monaco-editor/react's loader and the global
 * MonacoEnvironment), so it is imported only by MonacoEditor.tsx, which the app loads
 * lazily with `next/dynamic({ ssr: false })`: the first page load does not pay for Monaco.
 *
 * Each worker is its own entry (`new URL(..., import.meta.url)`), which both Turbopack and
 * webpack emit as a separate file, fetched only when a model of that language opens.
 * A step that needs another language (the Mapping step's YAML) adds its worker here.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

type WorkerFactory = () => Worker;

const workers: Record<string, WorkerFactory> = {
  json: () => new Worker(new URL("monaco-editor/language/json/json.worker", import.meta.url), { type: "module" }),
};
const editorWorker: WorkerFactory = () => new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module" });

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return (workers[label] ?? editorWorker)();
  },
};

loader.config({ monaco });

export { monaco };
