import { describe, expect, it } from "vitest";
import type { JqEngine, JqRunRequest, JqRunResult } from "@/lib/jq";
import { CHECK_INPUT } from "@/lib/jq/program";
import { PreviewEngine } from "./preview-engine";

/** A client whose runs stay open until the test answers them. */
class FakeClient implements JqEngine {
  readonly parallelism = 1;
  readonly runs: { request: JqRunRequest; answer: (r: JqRunResult) => void }[] = [];
  closed = false;
  run(request: JqRunRequest): Promise<JqRunResult> {
    return new Promise((resolve) => this.runs.push({ request, answer: resolve }));
  }
  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.runs) r.answer({ ok: false, reason: "crash", message: "jq engine closed" });
  }
}

function setup() {
  const clients: FakeClient[] = [];
  let now = 0;
  const engine = new PreviewEngine(() => {
    const c = new FakeClient();
    clients.push(c);
    return c;
  }, { restartAfterMs: 300, now: () => now });
  return { engine, clients, tick: (ms: number) => (now += ms) };
}

const ok: JqRunResult = { ok: true, stdout: "[]" };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("PreviewEngine", () => {
  it("asks the worker once per expression's syntax check, whatever the number of runs", async () => {
    const { engine, clients } = setup();
    const a = engine.scope().engine.run({ program: "P1", input: CHECK_INPUT });
    const b = engine.scope().engine.run({ program: "P1", input: CHECK_INPUT });
    expect(clients[0]!.runs).toHaveLength(1);
    clients[0]!.runs[0]!.answer({ ok: false, reason: "error", stderr: "jq: error: syntax", exitCode: 3 });
    expect(await a).toEqual(await b);
    await engine.scope().engine.run({ program: "P1", input: CHECK_INPUT });
    expect(clients[0]!.runs).toHaveLength(1);
    // Page runs are never remembered.
    void engine.scope().engine.run({ program: "P1", input: "[1]" });
    void engine.scope().engine.run({ program: "P1", input: "[1]" });
    expect(clients[0]!.runs).toHaveLength(3);
  });

  it("counts timeouts per run, and a superseded run gets answers at once without queueing more work", async () => {
    const { engine, clients } = setup();
    const scope = engine.scope();
    const first = scope.engine.run({ program: "slow", input: "[]" });
    clients[0]!.runs[0]!.answer({ ok: false, reason: "timeout", timeoutMs: 2000 });
    await first;
    expect(scope.timeouts).toBe(1);
    engine.supersede([scope]);
    expect(await scope.engine.run({ program: "more", input: "[]" })).toMatchObject({ ok: false, reason: "crash" });
    expect(clients[0]!.runs).toHaveLength(1);
  });

  it("stops sending a run's work after two runs failed (the runaway page, then the probe naming its field)", async () => {
    const { engine, clients } = setup();
    const scope = engine.scope();
    const first = scope.engine.run({ program: "page", input: "[]" });
    clients[0]!.runs[0]!.answer({ ok: false, reason: "timeout", timeoutMs: 2000 });
    await first;
    const probe = scope.engine.run({ program: "field", input: "[]" });
    clients[0]!.runs[1]!.answer({ ok: false, reason: "crash", message: "Aborted()" });
    await probe;
    expect(scope.failures).toBe(2);
    expect(await scope.engine.run({ program: "next page", input: "[]" })).toMatchObject({ ok: false, reason: "crash", message: expect.stringMatching(/^not run/) });
    expect(clients[0]!.runs).toHaveLength(2);
    // Another run is not affected.
    void engine.scope().engine.run({ program: "page", input: "[]" });
    expect(clients[0]!.runs).toHaveLength(3);
  });

  it("replaces the worker when a superseded run has kept it busy, and not when it is quick", async () => {
    const { engine, clients, tick } = setup();
    const old = engine.scope();
    const pending = old.engine.run({ program: "[recurse(.)]", input: "{}" });
    tick(100);
    engine.supersede([old]);
    expect(clients).toHaveLength(1);
    tick(250);
    engine.supersede([old]);
    expect(clients).toHaveLength(2);
    expect(clients[0]!.closed).toBe(true);
    expect(await pending).toMatchObject({ ok: false });
    const next = engine.scope().engine.run({ program: ".", input: "[]" });
    expect(clients[1]!.runs).toHaveLength(1);
    clients[1]!.runs[0]!.answer(ok);
    expect(await next).toEqual(ok);
    expect(engine.replacedClients).toBe(1);
  });

  it("asks a syntax check again of the new worker when a replacement cut it short", async () => {
    const { engine, clients, tick } = setup();
    const old = engine.scope();
    void old.engine.run({ program: "busy", input: "{}" });
    const check = engine.scope().engine.run({ program: "CHECK", input: CHECK_INPUT });
    tick(400);
    engine.supersede([old]);
    await flush();
    const again = clients[1]!.runs.find((r) => r.request.program === "CHECK");
    expect(again).toBeDefined();
    again!.answer(ok);
    expect(await check).toEqual(ok);
  });
});
