import { describe, expect, it } from "vitest";
import type { JqEngine, JqRunRequest } from "../jq";
import { lazyJqEngine } from "./sync-jq";

function countingEngine(made: { count: number; closed: number }): () => JqEngine {
  return () => {
    made.count += 1;
    return {
      parallelism: 2,
      run: async (request: JqRunRequest) => ({ ok: true, outputs: [request.program] }) as never,
      close: async () => void (made.closed += 1),
    };
  };
}

describe("lazyJqEngine", () => {
  it("makes the engine on the first run only, and closes what it made", async () => {
    const made = { count: 0, closed: 0 };
    const engine = lazyJqEngine(countingEngine(made), 2);
    expect(made.count).toBe(0);
    expect(engine.parallelism).toBe(2);
    await engine.run({ program: ".a", input: "{}" });
    await engine.run({ program: ".b", input: "{}" });
    expect(made.count).toBe(1);
    await engine.close();
    expect(made.closed).toBe(1);
  });

  it("closes nothing when it never ran", async () => {
    const made = { count: 0, closed: 0 };
    await lazyJqEngine(countingEngine(made), 1).close();
    expect(made).toEqual({ count: 0, closed: 0 });
  });
});
