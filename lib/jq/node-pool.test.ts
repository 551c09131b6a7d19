/**
 * The pool's workers start when a run needs one and end once idle (they hold memory a
 * long sync on the fast path never uses), and a worker lost any way is replaced on demand.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createNodeJqPool, type NodeJqPool } from "./node-pool";

let pool: NodeJqPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(20);
}

describe("createNodeJqPool: workers on demand", () => {
  it("starts no worker before the first run, and at most `size` for a burst", async () => {
    pool = createNodeJqPool({ size: 2, idleMs: 60_000 });
    expect(pool.liveWorkers()).toBe(0);
    const runs = await Promise.all([1, 2, 3, 4, 5].map((n) => pool!.run({ program: ". * 2", input: String(n) })));
    expect(runs).toEqual([2, 4, 6, 8, 10].map((n) => ({ ok: true, stdout: String(n) })));
    expect(pool.liveWorkers()).toBe(2);
  });

  it("ends idle workers after idleMs, and the next run starts one again", async () => {
    // Long enough that the first worker is still there when the second, started at the same
    // time, has answered (with both cores busy a start took over 100 ms, the limit this had).
    pool = createNodeJqPool({ size: 2, idleMs: 1_500 });
    await Promise.all([pool.run({ program: ".", input: "1" }), pool.run({ program: ".", input: "2" })]);
    expect(pool.liveWorkers()).toBe(2);
    await until(() => pool!.liveWorkers() === 0);
    expect(pool.liveWorkers()).toBe(0);
    expect(await pool.run({ program: ".a", input: '{"a":"back"}' })).toEqual({ ok: true, stdout: '"back"' });
    expect(pool.liveWorkers()).toBe(1);
  });

  it("a busy worker is not ended by the idle timer: a run longer than idleMs completes", async () => {
    pool = createNodeJqPool({ size: 1, idleMs: 20, timeoutMs: 10_000 });
    await pool.run({ program: ".", input: "0" });
    await sleep(5);
    // About 200 ms of work in jq, ten times the idle limit.
    const r = await pool.run({ program: "[range(0; 400000)] | length", input: "null" });
    expect(r).toEqual({ ok: true, stdout: "400000" });
  });

  it("a worker stopped for its time limit leaves the pool; the next run gets a fresh one", async () => {
    pool = createNodeJqPool({ size: 1, timeoutMs: 200, idleMs: 60_000 });
    expect(await pool.run({ program: "[repeat(1)]", input: "null" })).toEqual({ ok: false, reason: "timeout", timeoutMs: 200 });
    expect(pool.liveWorkers()).toBe(0);
    expect(await pool.run({ program: ". + 1", input: "1" })).toEqual({ ok: true, stdout: "2" });
    expect(pool.liveWorkers()).toBe(1);
  });

  it("close ends every worker and refuses later runs", async () => {
    pool = createNodeJqPool({ size: 2, idleMs: 60_000 });
    await pool.run({ program: ".", input: "1" });
    await pool.close();
    expect(pool.liveWorkers()).toBe(0);
    expect(await pool.run({ program: ".", input: "1" })).toEqual({ ok: false, reason: "crash", message: "jq engine closed" });
    pool = null;
  });
});
