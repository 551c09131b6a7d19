/**
 * Page-side client of the jq Web Worker (worker.ts): one run at a time, each with a time
 * limit. A run that does not end in time gets the worker terminated; the next run starts
 * a fresh worker. Implements JqEngine, so the mapping evaluator runs unchanged on a page
 * with the heavy jq work off the main thread. Browser-safe: no Node imports.
 */
import { DEFAULT_TIMEOUT_MS, type JqEngine, type JqRunRequest, type JqRunResult } from "./engine";
import type { RunMessage, WorkerMessage } from "./protocol";

/** The part of the DOM `Worker` the client uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: RunMessage): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: WorkerMessage }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
}

export interface BrowserJqClientOptions {
  /** Creates the worker; the default loads lib/jq/worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
  timeoutMs?: number;
}

interface Pending {
  id: number;
  request: JqRunRequest;
  resolve: (r: JqRunResult) => void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

export class BrowserJqClient implements JqEngine {
  readonly parallelism = 1;
  private readonly createWorker: () => WorkerLike;
  private readonly timeoutMs: number;
  private worker: WorkerLike | null = null;
  private ready: Promise<void> | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private closed = false;
  /** How many workers were started (a restart after a timeout adds one). */
  startedWorkers = 0;

  constructor(options: BrowserJqClientOptions = {}) {
    this.createWorker = options.createWorker ?? defaultWorker;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  run(request: JqRunRequest): Promise<JqRunResult> {
    if (this.closed) return Promise.resolve({ ok: false, reason: "crash", message: "jq engine closed" });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, request, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWorker();
    const waiting = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = null;
    for (const p of waiting) p.resolve({ ok: false, reason: "crash", message: "jq engine closed" });
  }

  private start(): Promise<void> {
    const worker = this.createWorker();
    this.worker = worker;
    this.startedWorkers++;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener("message", (event) => {
        if (worker !== this.worker) return; // a terminated worker's late message
        const m = event.data;
        if (m.type === "ready") resolve();
        else if (m.type === "fatal") reject(new Error(m.message));
        else if (m.type === "result" && this.current?.id === m.id) {
          this.settle(m.result, !m.result.ok && m.result.reason === "crash");
        }
      });
      worker.addEventListener("error", (event) => {
        if (worker !== this.worker) return;
        const message = event.message ?? "jq worker failed";
        reject(new Error(message));
        if (this.current) this.settle({ ok: false, reason: "crash", message }, true);
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private stopWorker(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private settle(result: JqRunResult, restart: boolean): void {
    const done = this.current;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    if (restart) this.stopWorker();
    done?.resolve(result);
    this.pump();
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.current = next;
    const ready = this.ready ?? this.start();
    const timeoutMs = next.request.timeoutMs ?? this.timeoutMs;
    ready.then(
      () => {
        if (this.current !== next || !this.worker) return;
        this.timer = setTimeout(() => this.settle({ ok: false, reason: "timeout", timeoutMs }, true), timeoutMs);
        this.worker.postMessage({ type: "run", id: next.id, program: next.request.program, input: next.request.input });
      },
      (err: unknown) => {
        if (this.current === next) this.settle({ ok: false, reason: "crash", message: err instanceof Error ? err.message : String(err) }, true);
      },
    );
  }
}
