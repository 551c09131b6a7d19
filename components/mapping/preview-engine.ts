/**
 * The jq engine of the preview, around BrowserJqClient (lib/jq: jq-wasm in a Web Worker,
 * a time limit per run, the worker restarted after a runaway program):
 * - syntax checks are remembered by program text, so a keystroke re-checks only the
 *   expression it changed (a check is a pure function of the text);
 * - each preview run gets its own view of the engine (`scope`) that counts timeouts and,
 *   once the run is superseded by a newer edit, answers at once instead of queueing more
 *   work behind the worker; after STOP_AFTER_FAILURES runs that timed out or crashed (the
 *   runaway page program, then the probe that names the guilty field) the rest of the run
 *   is not sent either: one endless expression costs two time limits, not two per page;
 * - a superseded run still busy in the worker past `restartAfterMs` has its worker
 *   replaced (`supersede`), so a fixed runaway expression does not hold up the next preview.
 * Framework-free; the client is injected (a Node pool in tests).
 */
import type { JqEngine, JqRunRequest, JqRunResult } from "@/lib/jq";
import { CHECK_INPUT } from "@/lib/jq/program";

const CHECK_CACHE_LIMIT = 4_000;
const STOP_AFTER_FAILURES = 2;
/** The answer to runs of a scope that was stopped (lib/jq reports it as "jq failed: ..."). */
export const NOT_RUN_MESSAGE = "not run: the preview stopped after an expression did not finish";

export interface RunScope {
  engine: JqEngine;
  /** Runs stopped at the time limit in this scope. */
  readonly timeouts: number;
  /** Runs that timed out or crashed (a runaway expression exhausting memory crashes jq-wasm). */
  readonly failures: number;
  readonly cancelled: boolean;
  cancel(): void;
}

const CANCELLED: JqRunResult = { ok: false, reason: "crash", message: "superseded by a newer edit" };

export class PreviewEngine {
  private client: JqEngine;
  private readonly checks = new Map<string, Promise<JqRunResult>>();
  /** Runs sent to the current client and not answered yet, with when they started. */
  private readonly inFlight = new Set<{ since: number; scope: { cancelled: boolean } }>();
  /** Workers replaced because a superseded run kept them busy. */
  replacedClients = 0;

  constructor(
    private readonly createClient: () => JqEngine,
    private readonly options: { restartAfterMs: number; now: () => number } = { restartAfterMs: 300, now: () => Date.now() },
  ) {
    this.client = createClient();
  }

  /** The engine for one preview run. */
  scope(): RunScope {
    const state = { cancelled: false, timeouts: 0, failures: 0 };
    const run = async (request: JqRunRequest): Promise<JqRunResult> => {
      if (state.cancelled) return CANCELLED;
      if (state.failures >= STOP_AFTER_FAILURES && request.input !== CHECK_INPUT) return { ok: false, reason: "crash", message: NOT_RUN_MESSAGE };
      if (request.input === CHECK_INPUT) return this.check(request);
      const entry = { since: this.options.now(), scope: state };
      this.inFlight.add(entry);
      try {
        const result = await this.client.run(request);
        if (!result.ok && result.reason === "timeout") state.timeouts++;
        if (!result.ok && (result.reason === "timeout" || result.reason === "crash") && !state.cancelled) state.failures++;
        return state.cancelled ? CANCELLED : result;
      } finally {
        this.inFlight.delete(entry);
      }
    };
    return {
      engine: { run, parallelism: 1, close: async () => undefined },
      get timeouts() {
        return state.timeouts;
      },
      get failures() {
        return state.failures;
      },
      get cancelled() {
        return state.cancelled;
      },
      cancel: () => {
        state.cancelled = true;
      },
    };
  }

  /**
   * A newer run starts: the older scopes are cancelled, and when one of them has kept the
   * worker busy for long, the worker is replaced rather than waited for.
   */
  supersede(scopes: RunScope[]): void {
    for (const s of scopes) s.cancel();
    const now = this.options.now();
    const stuck = [...this.inFlight].some((e) => e.scope.cancelled && now - e.since >= this.options.restartAfterMs);
    if (!stuck) return;
    const old = this.client;
    this.client = this.createClient();
    this.inFlight.clear();
    this.replacedClients++;
    void old.close();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private check(request: JqRunRequest): Promise<JqRunResult> {
    let cached = this.checks.get(request.program);
    if (!cached) {
      if (this.checks.size >= CHECK_CACHE_LIMIT) this.checks.clear();
      const client = this.client;
      cached = client.run(request).then((r) => {
        if (r.ok || r.reason === "error") return r;
        // Only answers jq gave are facts about the text; a crash or timeout is not kept, and
        // a check cut short by a worker replacement is asked again of the new worker.
        this.checks.delete(request.program);
        return client !== this.client ? this.check(request) : r;
      });
      this.checks.set(request.program, cached);
    }
    return cached;
  }
}
