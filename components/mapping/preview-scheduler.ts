/**
 * When the preview runs, and what it shows meanwhile:
 * - an edit runs the preview at once when nothing is running; edits made during a run are
 *   coalesced into one run of the latest text when it ends (typing never queues a run
 *   per keystroke), and results of an older text than the latest are discarded;
 * - a run still busy past `restartAfterMs` when a newer edit comes (a runaway expression
 *   being fixed) is superseded: its worker is replaced and the new text runs at once;
 * - a YAML error, a jq syntax error or a run stopped at the time limit keeps the last good
 *   preview on screen, marked stale with the reason;
 * - while a resource's sample is being read from Graph, nothing runs and the last preview stays.
 * Framework-free: the hook feeds inputs and reads snapshots (useSyncExternalStore).
 */
import type { LintBlueprint, ParsedConfig } from "@/lib/mapping";
import type { PreviewEngine, RunScope } from "./preview-engine";
import type { PreviewCache, PreviewResult, SampleState } from "./preview-run";

export interface PreviewInput {
  text: string;
  parsed: ParsedConfig;
  samples: ReadonlyMap<number, SampleState>;
  blueprints: readonly LintBlueprint[];
}

export interface StaleReason {
  reason: "yaml" | "jq" | "stopped" | "failed";
  message: string;
  line?: number;
  column?: number;
}

export interface PreviewState {
  /** The last good preview (what the panel shows). */
  shown: PreviewResult | null;
  /** The last finished run of the latest text, good or not (its findings are current). */
  latest: PreviewResult | null;
  /** Why `shown` is not the preview of the current text, when it is not. */
  stale: StaleReason | null;
  running: boolean;
  waitingForSamples: boolean;
  /** Finished runs that were shown (for tests and the benchmark). */
  runs: number;
  lastDurationMs: number | null;
}

export type PreviewRunner = (input: PreviewInput, engine: RunScope["engine"], reuse: PreviewCache | undefined) => Promise<{ result: PreviewResult; cache: PreviewCache }>;

type EngineHost = Pick<PreviewEngine, "scope" | "supersede">;

export class PreviewScheduler {
  private state: PreviewState = { shown: null, latest: null, stale: null, running: false, waitingForSamples: false, runs: 0, lastDurationMs: null };
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private pending: { input: PreviewInput; generation: number; fresh: boolean } | null = null;
  private current: { scope: RunScope; generation: number; since: number } | null = null;
  private cache: PreviewCache | undefined;

  constructor(
    private readonly runner: PreviewRunner,
    private readonly engine: EngineHost,
    private readonly options: { restartAfterMs: number; now: () => number },
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PreviewState => this.state;

  /** The inputs changed (an edit, a sample arrived). */
  submit(input: PreviewInput, { fresh = false }: { fresh?: boolean } = {}): void {
    const generation = ++this.generation;
    const { parsed } = input;
    if (!parsed.config) {
      this.pending = null;
      const first = parsed.issues[0];
      this.set({
        stale: { reason: "yaml", message: first ? first.message : "The YAML is not a port-app-config.", line: first?.location?.line, column: first?.location?.column },
        waitingForSamples: false,
      });
      return;
    }
    if ([...input.samples.values()].some((s) => s.status === "loading")) {
      this.pending = null;
      this.set({ waitingForSamples: true });
      return;
    }
    this.pending = { input, generation, fresh };
    this.set({ waitingForSamples: false });
    if (this.current) {
      if (this.options.now() - this.current.since < this.options.restartAfterMs) return;
      this.engine.supersede([this.current.scope]);
      this.current = null;
    }
    this.startPending();
  }

  private startPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    const scope = this.engine.scope();
    const started = this.options.now();
    this.current = { scope, generation: next.generation, since: started };
    this.set({ running: true });
    this.runner(next.input, scope.engine, next.fresh ? undefined : this.cache).then(
      ({ result, cache }) => this.finish(next.generation, scope, started, { result, cache }),
      (error: unknown) => this.finish(next.generation, scope, started, { error }),
    );
  }

  private finish(generation: number, scope: RunScope, started: number, outcome: { result: PreviewResult; cache: PreviewCache } | { error: unknown }): void {
    if (this.current?.scope === scope) this.current = null;
    const latest = generation === this.generation && !scope.cancelled;
    if (latest) {
      if ("error" in outcome) {
        this.set({ stale: { reason: "failed", message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) } });
      } else {
        const { result, cache } = outcome;
        const duration = this.options.now() - started;
        const syntax = result.compileIssues[0];
        const stopped = result.stopped[0];
        if (syntax) {
          this.set({ latest: result, stale: { reason: "jq", message: syntax.message, line: syntax.location?.line, column: syntax.location?.column } });
        } else if (scope.failures > 0 || stopped) {
          const message = stopped ? stopped.message : "A jq run did not finish in time and was stopped.";
          this.set({ latest: result, stale: { reason: "stopped", message, line: stopped?.location?.line, column: stopped?.location?.column } });
        } else {
          this.cache = cache;
          this.set({ shown: result, latest: result, stale: null, runs: this.state.runs + 1, lastDurationMs: duration });
        }
      }
    }
    if (!this.current) {
      if (this.pending) this.startPending();
      else this.set({ running: false });
    }
  }

  private set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }
}
