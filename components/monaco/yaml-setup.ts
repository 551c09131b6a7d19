/**
 * YAML in the bundled Monaco (after ./monaco-setup): monaco-yaml's language service in its
 * own worker, validating and completing against a JSON schema, plus Monaco's own YAML
 * colouring (monaco-yaml brings none). Imported only by YamlMonacoEditor.tsx, which the
 * app loads lazily, like the rest of Monaco.
 *
 * Two fixes from stack-notes.md ("Monaco offline"):
 * - monaco-yaml's worker imports `monaco-editor/esm/vs/editor/editor.worker.js`, which
 *   monaco-editor 0.57 no longer exports: next.config.mjs aliases it.
 * - monaco-worker-manager calls `monaco.editor.createWebWorker({ label, moduleId, createData })`,
 *   the pre-0.57 form; 0.57 wants `{ worker }`. monaco-yaml is handed a Monaco whose
 *   createWebWorker starts the worker itself, posts it `'ignore'` and `createData` (what
 *   Monaco's own JSON worker start-up does) and passes the worker on (monaco-yaml #272).
 *   Without this the YAML worker never starts and no schema marker appears.
 */
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from "monaco-yaml";
import { monaco } from "./monaco-setup";

const yamlWorker = () => new Worker(new URL("monaco-yaml/yaml.worker", import.meta.url), { type: "module" });

const environment = self.MonacoEnvironment!;
const baseGetWorker = environment.getWorker!.bind(environment);
self.MonacoEnvironment = {
  ...environment,
  getWorker(moduleId: string, label: string) {
    return label === "yaml" ? yamlWorker() : baseGetWorker(moduleId, label);
  },
};

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

const originalCreateWebWorker = monaco.editor.createWebWorker;

function createWebWorker(options: LegacyWorkerOptions) {
  if (options.worker) return originalCreateWebWorker(options as Parameters<typeof originalCreateWebWorker>[0]);
  const worker = Promise.resolve(self.MonacoEnvironment!.getWorker!(options.moduleId ?? "", options.label ?? "")).then((w) => {
    w.postMessage("ignore");
    w.postMessage(options.createData);
    return w;
  });
  return originalCreateWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}

/** Monaco as monaco-yaml sees it: the same, with the createWebWorker it expects. */
const monacoForYaml = { ...monaco, editor: Object.create(monaco.editor, { createWebWorker: { value: createWebWorker } }) as typeof monaco.editor };

let configured: MonacoYaml | null = null;

/** Validation and completion of the models matching `fileMatch` against `schema` (one configuration at a time). */
export function configureYamlSchema(schema: JSONSchema, fileMatch: string, uri: string): void {
  const options = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: false },
    schemas: [{ uri, fileMatch: [fileMatch], schema }],
  };
  if (configured) void configured.update(options);
  else configured = configureMonacoYaml(monacoForYaml, options);
}

export { monaco };
