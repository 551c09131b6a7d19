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

/**
 * Most output one run may hand back (characters): a program like `"x" * 1e8` must not
 * copy a 100 MB string into the server's main thread. A page of mapped items is far less.
 */
export const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;

/** What a person is told when jq-wasm aborts or its worker dies: the cause, not emscripten's words. */
export function describeCrash(raw: string): string {
  if (/^Aborted\(|out of memory|memory limit|Cannot enlarge memory|Array buffer allocation failed/i.test(raw)) {
    return "jq ran out of memory: the program builds a value too large to hold (such as [range(1e8)] or a string doubled again and again). Bound it with limit(n; ...) or first(...).";
  }
  return raw;
}
