import { loadJq } from "jq-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { BrowserJqClient, type WorkerLike } from "./browser-client";
import { runWithHandle } from "./in-process";
import type { RunMessage, WorkerMessage } from "./protocol";

type Jq = Awaited<ReturnType<typeof loadJq>>;
let jq: Jq;
beforeAll(async () => {
  jq = await loadJq();
});

/** A stand-in for the Web Worker: answers like worker.ts, or never (a runaway program). */
class FakeWorker implements WorkerLike {
  terminated = false;
  private listeners: ((e: { data: WorkerMessage }) => void)[] = [];
  constructor(private readonly hangOn: string | null) {
    queueMicrotask(() => this.emit({ type: "ready" }));
  }
  addEventListener(type: "message" | "error", listener: never): void {
    if (type === "message") this.listeners.push(listener);
  }
  postMessage(m: RunMessage): void {
    if (this.hangOn !== null && m.program.includes(this.hangOn)) return;
    queueMicrotask(() => this.emit({ type: "result", id: m.id, result: runWithHandle(jq, m) }));
  }
  terminate(): void {
    this.terminated = true;
  }
  private emit(data: WorkerMessage): void {
    if (!this.terminated) for (const l of this.listeners) l({ data });
  }
}

describe("BrowserJqClient", () => {
  it("runs programs in the worker, one at a time", async () => {
    const client = new BrowserJqClient({ createWorker: () => new FakeWorker(null) });
    const [a, b] = await Promise.all([client.run({ program: ".a", input: '{"a":1}' }), client.run({ program: ".a |", input: "{}" })]);
    expect(a).toEqual({ ok: true, stdout: "1" });
    expect(b).toMatchObject({ ok: false, reason: "error", exitCode: 3 });
    expect(client.startedWorkers).toBe(1);
    await client.close();
  });

  it("terminates a worker that does not answer in time and starts a fresh one", async () => {
    const workers: FakeWorker[] = [];
    const client = new BrowserJqClient({
      timeoutMs: 50,
      createWorker: () => {
        const w = new FakeWorker("repeat");
        workers.push(w);
        return w;
      },
    });
    expect(await client.run({ program: "[repeat(1)]", input: "null" })).toEqual({ ok: false, reason: "timeout", timeoutMs: 50 });
    expect(workers[0]!.terminated).toBe(true);
    expect(await client.run({ program: ".", input: "2" })).toEqual({ ok: true, stdout: "2" });
    expect(client.startedWorkers).toBe(2);
    await client.close();
    expect(await client.run({ program: ".", input: "2" })).toMatchObject({ ok: false, reason: "crash" });
  });
});
