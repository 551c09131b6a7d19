/**
 * Web Worker entry: loads jq-wasm once and runs programs on request. The page-side
 * client (browser-client.ts) enforces the time limit by terminating this worker, which
 * is the only way to stop a jq program that does not end.
 *
 * Start it with `new Worker(new URL("./worker.ts", import.meta.url), { type: "module" })`
 * (what BrowserJqClient does); jq-wasm's browser build fetches its wasm next to it.
 */
import { loadJq } from "jq-wasm";
import { runWithHandle } from "./in-process";
import type { RunMessage, WorkerMessage } from "./protocol";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<RunMessage>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

loadJq().then(
  (jq) => {
    scope.addEventListener("message", (event) => {
      const m = event.data;
      if (m?.type !== "run") return;
      scope.postMessage({ type: "result", id: m.id, result: runWithHandle(jq, m) });
    });
    scope.postMessage({ type: "ready" });
  },
  (err: unknown) => scope.postMessage({ type: "fatal", message: err instanceof Error ? err.message : String(err) }),
);
