/**
 * The one interface every jq runner implements: run a program on one JSON text, with a
 * time limit. Implementations: in-process (no limit: for use inside a worker), the Node
 * worker-thread pool (server; terminates a runaway program) and the browser Web Worker
 * client (terminates and restarts the worker). Mapping evaluation only sees this.
 */

export interface JqRunRequest {
  /** The jq program text. */
  program: string;
  /** The input as JSON text (one value). */
  input: string;
  /** Stop after this many milliseconds; the engine's default when absent. */
  timeoutMs?: number;
}

export type JqRunResult =
  | { ok: true; stdout: string }
  /** jq reported an error (compile error: exitCode 3). */
  | { ok: false; reason: "error"; stderr: string; exitCode: number }
  /** The program did not end in time and was stopped. */
  | { ok: false; reason: "timeout"; timeoutMs: number }
  /** The runner itself failed (wasm abort, out of memory, worker died). */
  | { ok: false; reason: "crash"; message: string };

export interface JqEngine {
  run(request: JqRunRequest): Promise<JqRunResult>;
  /** How many programs it can usefully run at once (the evaluator splits pages by it). */
  readonly parallelism: number;
  /** Releases workers; the engine is unusable afterwards. */
  close(): Promise<void>;
}

/** Default time limit for one program run. */
export const DEFAULT_TIMEOUT_MS = 5_000;
