import { describe, expect, it } from "vitest";
import { PORT_BULK_RATE_LIMIT, TokenBucket } from "./rate-limit";

describe("TokenBucket", () => {
  it("allows the burst, then refills at requests per window", () => {
    let t = 0;
    const bucket = new TokenBucket({ requests: 10, windowSeconds: 10, burst: 3 }, () => t);
    expect([bucket.take().ok, bucket.take().ok, bucket.take().ok]).toEqual([true, true, true]);
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 1 });
    t += 1000;
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
    t += 60_000; // never more than the burst
    expect(Array.from({ length: 4 }, () => bucket.take().ok)).toEqual([true, true, true, false]);
  });

  it("asks for whole seconds, rounded up", () => {
    const bucket = new TokenBucket({ requests: 1, windowSeconds: 5, burst: 1, initialTokens: 0 }, () => 0);
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 5 });
  });

  it("models Port's documented limit: about 117 requests per second after a burst of 3,500", () => {
    let t = 0;
    const bucket = new TokenBucket(PORT_BULK_RATE_LIMIT, () => t);
    let allowed = 0;
    while (bucket.take().ok) allowed++;
    expect(allowed).toBe(3500);
    t += 1000;
    allowed = 0;
    while (bucket.take().ok) allowed++;
    expect(allowed).toBe(116);
  });
});
