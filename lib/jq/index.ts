/**
 * The jq engine, shared by the browser (Web Worker) and the server. Browser-safe:
 * the Node worker pool is exported from lib/jq/server.ts instead.
 *
 * - `JqEngine`: run one program on one JSON text with a time limit (engine.ts).
 * - `compileBatch` / `evaluateBatch`: many expressions over a page in few calls, with
 *   Ocean's first-output / no-output / error outcome per item and field (batch.ts).
 * - `checkSyntax`: a compile error with line and column inside the expression.
 * - `compileFastPath`: the JS evaluator for paths, literals, `//`, `==` and simple
 *   interpolation (fast-path.ts).
 * - `createInProcessJq`: jq-wasm on this thread (inside a worker only: it cannot stop).
 * - `BrowserJqClient`: the page-side client of lib/jq/worker.ts, timeout + restart.
 */
export { DEFAULT_TIMEOUT_MS, describeCrash, MAX_OUTPUT_CHARS, type JqEngine, type JqRunRequest, type JqRunResult } from "./engine";
export {
  checkSyntax,
  compileBatch,
  type CompileBatchOptions,
  compileExpression,
  evaluateBatch,
  type BatchRow,
  type CompiledBatch,
  type CompiledExpression,
  type EvaluateOptions,
} from "./batch";
export { compileFastPath, EMPTY, JqRuntimeError, NEEDS_JQ, jqType, jsonEqual, type FastExpr } from "./fast-path";
export { rewriteSingleQuotes, type FieldOutcome, type JqSyntaxError } from "./program";
export { createInProcessJq } from "./in-process";
export { BrowserJqClient, type BrowserJqClientOptions, type WorkerLike } from "./browser-client";
