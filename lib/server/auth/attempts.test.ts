import { describe, expect, it } from "vitest";
import { createAttemptLimiter } from "./attempts";

describe("sign-in attempt limiter", () => {
  it("refuses an email after too many failures, until the window has passed", () => {
    let t = 0;
    const limiter = createAttemptLimiter({ maxFailures: 3, windowMs: 1000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs("ada@example.com")).toBe(0);
      limiter.recordFailure("ada@example.com");
      t += 10;
    }
    expect(limiter.retryAfterMs("ada@example.com")).toBe(970);
    expect(limiter.retryAfterMs("bob@example.com")).toBe(0);
    t = 1000;
    expect(limiter.retryAfterMs("ada@example.com")).toBe(0);
  });

  it("a success clears the count", () => {
    const limiter = createAttemptLimiter({ maxFailures: 2, windowMs: 1000, now: () => 0 });
    limiter.recordFailure("a@x.io");
    limiter.recordSuccess("a@x.io");
    limiter.recordFailure("a@x.io");
    expect(limiter.retryAfterMs("a@x.io")).toBe(0);
  });
});
