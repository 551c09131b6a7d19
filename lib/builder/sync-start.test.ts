import { describe, expect, it } from "vitest";
import type { BuilderDeps } from "./deps";
import { withLoopTurns } from "./sync-start";

function depsWith(fetchImpl: typeof fetch): BuilderDeps {
  return {
    db: {} as BuilderDeps["db"],
    encryptionKey: Buffer.alloc(32),
    extraAllowedHosts: [],
    demo: { origin: "http://127.0.0.1:1", graphBaseUrl: "", loginBaseUrl: "", portBaseUrl: "", fetch: fetchImpl },
  };
}

describe("withLoopTurns", () => {
  it("lets the event loop turn before each in-process demo request", async () => {
    let turned = false;
    const seen: boolean[] = [];
    const inProcess: typeof fetch = async () => {
      seen.push(turned);
      return new Response("{}");
    };
    const call = (deps: BuilderDeps) => {
      turned = false;
      setImmediate(() => (turned = true));
      return deps.demo!.fetch("http://127.0.0.1:1/x");
    };
    await call(depsWith(inProcess));
    await call(withLoopTurns(depsWith(inProcess)));
    // Bare: answered before any I/O or timer could run; wrapped: after the loop's turn.
    expect(seen).toEqual([false, true]);
  });

  it("leaves a server without the demo services as it is", () => {
    const deps = { ...depsWith(fetch), demo: null };
    expect(withLoopTurns(deps)).toBe(deps);
  });
});
