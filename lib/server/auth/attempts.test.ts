import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createAttemptLimiter } from "./attempts";

/** V8's collector, reachable without starting node with --expose-gc. */
function collectGarbage(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

const limits = { perAccountAndClient: 3, perClient: 5, accountUnderAttack: 6, windowMs: 1000 };

function limiterAt(start = 0, extra: Parameters<typeof createAttemptLimiter>[0] = {}) {
  const clock = { t: start };
  return { clock, limiter: createAttemptLimiter({ ...limits, ...extra, now: () => clock.t }) };
}

describe("sign-in attempt limiter", () => {
  it("refuses one client guessing one account, until the window has passed", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs("ada@example.com", "10.0.0.1")).toBe(0);
      limiter.recordFailure("ada@example.com", "10.0.0.1");
      clock.t += 10;
    }
    expect(limiter.retryAfterMs("ADA@example.com ", "10.0.0.1")).toBe(970);
    clock.t = 1000;
    expect(limiter.retryAfterMs("ada@example.com", "10.0.0.1")).toBe(0);
  });

  it("never refuses the account's owner on another address: a guesser cannot lock anyone out", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure("ada@example.com", "10.0.0.66");
    expect(limiter.retryAfterMs("ada@example.com", "10.0.0.66")).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("ada@example.com", "10.0.0.1")).toBe(0);
  });

  it("refuses one client trying many accounts", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}@example.com`, "10.0.0.66");
    expect(limiter.retryAfterMs("someone.else@example.com", "10.0.0.66")).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("someone.else@example.com", "10.0.0.1")).toBe(0);
  });

  it("an account guessed from many addresses gives each guessing address one try, and fresh addresses still theirs", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 6; i++) limiter.recordFailure("ada@example.com", `10.0.1.${i}`);
    expect(limiter.retryAfterMs("ada@example.com", "10.0.1.0")).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("ada@example.com", "10.0.1.5")).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("ada@example.com", "10.0.9.9")).toBe(0);
    // Once the attack has aged out of the window, the earlier guessers may try again.
    clock.t = 1000;
    expect(limiter.retryAfterMs("ada@example.com", "10.0.1.0")).toBe(0);
  });

  it("a success clears that client's count for the account", () => {
    const { limiter } = limiterAt();
    limiter.recordFailure("a@x.io", "c");
    limiter.recordFailure("a@x.io", "c");
    limiter.recordSuccess("a@x.io", "c");
    limiter.recordFailure("a@x.io", "c");
    limiter.recordFailure("a@x.io", "c");
    expect(limiter.retryAfterMs("a@x.io", "c")).toBe(0);
  });

  it("holds a bounded number of entries, whatever is thrown at it", () => {
    const { limiter } = limiterAt(0, { maxEntries: 100, perClient: 1_000_000 });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`user${i}@example.com`, `client-${i % 7}`);
    // Pairs and accounts are capped at 100 each; 7 clients.
    expect(limiter.size()).toBe(207);
  });

  it("does not keep over-long keys: 36 failures with 5 MB emails leave the heap where it was", () => {
    const gc = collectGarbage();
    const { limiter } = limiterAt(0, { perClient: 1_000_000 });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 36; i++) limiter.recordFailure(`${i}${"x".repeat(5 * 1024 * 1024)}@example.com`, "10.0.0.66");
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Held in full they would be 36 x 5 MB = 180 MB.
    expect(grown).toBeLessThan(20 * 1024 * 1024);
    // Long keys stay distinct (hashed, not cut): each email has its own count.
    expect(limiter.retryAfterMs(`0${"x".repeat(5 * 1024 * 1024)}@example.com`, "10.0.0.66")).toBe(0);
  });

  it("evicts the least recently used entry first", () => {
    const { limiter } = limiterAt(0, { maxEntries: 2, perAccountAndClient: 1, perClient: 100, accountUnderAttack: 100 });
    limiter.recordFailure("a@x.io", "c");
    limiter.recordFailure("b@x.io", "c");
    limiter.recordFailure("a@x.io", "c"); // a is now the most recent
    limiter.recordFailure("z@x.io", "c"); // evicts b
    expect(limiter.retryAfterMs("a@x.io", "c")).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("b@x.io", "c")).toBe(0);
  });
});
