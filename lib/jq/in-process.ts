/**
 * jq-wasm on the calling thread. It cannot stop a program that does not end, so use it
 * only where the thread itself can be terminated: inside a Web Worker or a worker thread.
 * Browser-safe (jq-wasm picks its browser build through package exports).
 */
import { loadJq } from "jq-wasm";
import { describeCrash, type JqEngine, type JqRunRequest, type JqRunResult } from "./engine";

type JqHandle = Awaited<ReturnType<typeof loadJq>>;

/** Runs one program with jq-wasm's raw API; a wasm abort becomes a `crash` result. */
export function runWithHandle(jq: JqHandle, request: Pick<JqRunRequest, "program" | "input">): JqRunResult {
  try {
    const r = jq.raw(request.input, request.program, ["-c"]);
    if (r.exitCode === 0) return { ok: true, stdout: r.stdout };
    return { ok: false, reason: "error", stderr: r.stderr, exitCode: r.exitCode };
  } catch (e) {
    return { ok: false, reason: "crash", message: describeCrash(e instanceof Error ? e.message : String(e)) };
  }
}

export async function createInProcessJq(): Promise<JqEngine> {
  let jq: JqHandle | null = await loadJq();
  return {
    parallelism: 1,
    async run(request) {
      if (!jq) return { ok: false, reason: "crash", message: "engine closed" };
      const result = runWithHandle(jq, request);
      // After a wasm abort the instance is unusable: load a fresh one.
      if (!result.ok && result.reason === "crash") jq = await loadJq();
      return result;
    },
    async close() {
      jq = null;
    },
  };
}
