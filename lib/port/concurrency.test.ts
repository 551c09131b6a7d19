import { describe, expect, it } from "vitest";
import { AdaptiveLimiter } from "./concurrency";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("AdaptiveLimiter", () => {
  it("never runs more than the limit at once", async () => {
    const limiter = new AdaptiveLimiter(3);
    const gates = Array.from({ length: 10 }, deferred);
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => {
      started.push(i);
      await g.promise;
    }));
    await Promise.resolve();
    expect(limiter.inFlight).toBe(3);
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.resolve();
    await Promise.all(runs);
    expect(limiter.peakInFlight).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it("halves on throttling and grows back by one after a run of successes", () => {
    const limiter = new AdaptiveLimiter(8);
    limiter.throttled();
    expect(limiter.limit).toBe(4);
    limiter.throttled();
    limiter.throttled();
    limiter.throttled();
    expect(limiter.limit).toBe(1);
    limiter.succeeded();
    expect(limiter.limit).toBe(2);
    limiter.succeeded();
    expect(limiter.limit).toBe(2);
    limiter.succeeded();
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.limit).toBe(8);
  });

  it("halves once for a burst of 429s to requests sent before the cut", () => {
    const limiter = new AdaptiveLimiter(8);
    const sentAt = Array.from({ length: 8 }, () => limiter.generation);
    for (const g of sentAt) limiter.throttled(g);
    expect(limiter.limit).toBe(4);
    // A request sent after the cut that is throttled too says the cut was not enough.
    limiter.throttled(limiter.generation);
    expect(limiter.limit).toBe(2);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => new AdaptiveLimiter(0)).toThrow(RangeError);
  });
});
