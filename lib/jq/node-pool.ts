/**
 * Server-side jq: a small pool of worker threads, each holding its own jq-wasm instance.
 * A run that exceeds its time limit gets its worker terminated (the only way to stop a
 * wasm loop such as `[repeat(1)]` or `def f: f; f`) and a fresh worker takes its place.
 * Several workers also let one page use both cores. Workers start when a run needs one
 * and end after IDLE_MS without work, so an idle pool holds no threads.
 *
 * The worker body is plain CommonJS evaluated from a string, so it runs the same under
 * tsx, vitest and a bundled server, with no TypeScript loader in the worker.
 * Node only: import it from lib/jq/server.ts, never from browser code.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { moduleUrl, resolvePackage } from "../server/resolve-package";
import { DEFAULT_TIMEOUT_MS, describeCrash, MAX_OUTPUT_CHARS, type JqEngine, type JqRunRequest, type JqRunResult } from "./engine";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { loadJq } = require(workerData.jqModulePath);
loadJq().then((jq) => {
  parentPort.on("message", (m) => {
    try {
      const r = jq.raw(m.input, m.program, ["-c"]);
      if (r.stdout.length > workerData.maxOutputChars) {
        parentPort.postMessage({ id: m.id, tooLarge: r.stdout.length });
        return;
      }
      parentPort.postMessage({ id: m.id, stdout: r.stdout, stderr: r.stderr.slice(0, 65536), exitCode: r.exitCode });
    } catch (e) {
      parentPort.postMessage({ id: m.id, crash: String((e && e.message) || e) });
    }
  });
  parentPort.postMessage({ ready: true });
}, (e) => parentPort.postMessage({ fatal: String((e && e.stack) || e) }));
`;

interface WorkerReply {
  id?: number;
  ready?: boolean;
  fatal?: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  crash?: string;
  /** The output's length, when it was over the limit (and not sent). */
  tooLarge?: number;
}

interface Task {
  id: number;
  request: JqRunRequest;
  resolve: (r: JqRunResult) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  task: Task | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Set while the worker waits for work: it ends when this fires (IDLE_MS). */
  idleTimer: ReturnType<typeof setTimeout> | null;
}

/** Each worker's JS heap: the input page and the output text, both bounded well below it. */
const WORKER_HEAP_MB = 256;

/**
 * A worker with nothing to do for this long ends; the next run starts one again (about
 * 50 ms). A worker holds about 15 MB (its isolate and jq's wasm memory), and a sync whose
 * expressions all take the fast path uses jq only to check their syntax at the start.
 */
const IDLE_MS = 2_000;

function tooLargeMessage(chars: number): string {
  return `jq's output is ${Math.round(chars / 1_048_576)} M characters; at most ${MAX_OUTPUT_CHARS / 1_048_576} M are read. The program builds a value too large: bound it with limit(n; ...) or first(...).`;
}

export interface NodeJqPoolOptions {
  /** Most worker threads at once; default min(2, cores). They start on demand. */
  size?: number;
  /** Default per-run limit in ms. */
  timeoutMs?: number;
  /** Where to look for jq-wasm first; default the working directory (the project root). */
  root?: string;
  /** A worker idle this long ends (default 2 s). */
  idleMs?: number;
}

/** The file a worker thread `require`s for jq-wasm (lib/server/resolve-package.ts says where from). */
export function resolveJqWasm(root: string = process.cwd()): string {
  return resolvePackage("jq-wasm", moduleUrl(() => import.meta.url), root);
}

export interface NodeJqPool extends JqEngine {
  /** Worker threads alive now (started on demand, ended when idle). */
  liveWorkers(): number;
}

export function createNodeJqPool(options: NodeJqPoolOptions = {}): NodeJqPool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  const jqModulePath = resolveJqWasm(options.root);
  const queue: Task[] = [];
  /** The live workers, at most `size`. */
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    // The heap limit bounds what a program's output can cost (jq's own memory is the wasm
    // instance's, which aborts by itself); a worker over it dies and is replaced.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { jqModulePath, maxOutputChars: MAX_OUTPUT_CHARS },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, ready: Promise.resolve(), task: null, timer: null, idleTimer: null };
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: WorkerReply) => {
        if (m.ready) return resolve();
        if (m.fatal) return reject(new Error(m.fatal));
        if (slot.task && m.id === slot.task.id) {
          const result: JqRunResult =
            m.crash !== undefined
              ? { ok: false, reason: "crash", message: describeCrash(m.crash) }
              : m.tooLarge !== undefined
                ? { ok: false, reason: "crash", message: tooLargeMessage(m.tooLarge) }
              : m.exitCode === 0
                ? { ok: true, stdout: m.stdout ?? "" }
                : { ok: false, reason: "error", stderr: m.stderr ?? "", exitCode: m.exitCode ?? 5 };
          finish(slot, result, m.crash !== undefined);
        }
      });
    });
    // A worker that dies (out of memory, a bug) fails its task and leaves the pool.
    worker.on("error", (err) => {
      if (slot.task) finish(slot, { ok: false, reason: "crash", message: describeCrash(err.message) }, true);
    });
    worker.on("exit", () => {
      if (slot.task) finish(slot, { ok: false, reason: "crash", message: "jq worker exited" }, true);
      else retire(slot);
    });
    slot.ready.catch(() => undefined);
    worker.unref();
    return slot;
  }

  /** The worker leaves the pool and ends (a task that needs one later starts another). */
  function retire(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  }

  function finish(slot: Slot, result: JqRunResult, replace: boolean): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    if (replace) retire(slot);
    else {
      slot.worker.unref();
      slot.idleTimer = setTimeout(() => retire(slot), idleMs);
      slot.idleTimer.unref();
    }
    task?.resolve(result);
    pump();
  }

  /** A free worker, or a new one while there are fewer than `size`. */
  function freeSlot(): Slot | null {
    const idle = slots.find((s) => s.task === null);
    if (idle) return idle;
    if (slots.length >= size || closed) return null;
    const slot = spawn();
    slots.push(slot);
    return slot;
  }

  function pump(): void {
    while (queue.length > 0) {
      const slot = freeSlot();
      if (!slot) return;
      const task = queue.shift()!;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.task = task;
      slot.worker.ref(); // keep the process alive while a run is pending
      const timeoutMs = task.request.timeoutMs ?? defaultTimeout;
      slot.ready.then(
        () => {
          if (slot.task !== task) return;
          slot.timer = setTimeout(() => finish(slot, { ok: false, reason: "timeout", timeoutMs }, true), timeoutMs);
          slot.worker.postMessage({ id: task.id, program: task.request.program, input: task.request.input });
        },
        (err: unknown) => finish(slot, { ok: false, reason: "crash", message: String(err) }, true),
      );
    }
  }

  return {
    parallelism: size,
    liveWorkers: () => slots.length,
    run(request) {
      if (closed) return Promise.resolve({ ok: false, reason: "crash", message: "jq engine closed" });
      return new Promise<JqRunResult>((resolve) => {
        queue.push({ id: nextId++, request, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.resolve({ ok: false, reason: "crash", message: "jq engine closed" });
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          const task = slot.task;
          slot.task = null;
          if (slot.timer) clearTimeout(slot.timer);
          if (slot.idleTimer) clearTimeout(slot.idleTimer);
          task?.resolve({ ok: false, reason: "crash", message: "jq engine closed" });
          await slot.worker.terminate();
        }),
      );
    },
  };
}
