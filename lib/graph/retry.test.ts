import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "../net/backoff";
import { DEFAULT_RETRY_POLICY } from "./retry";

describe("retry timing", () => {
  it("reads Retry-After in seconds (fractional) or as a date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("2.128")).toBe(2128);
    expect(parseRetryAfter("0.01")).toBe(10);
    const now = Date.UTC(2025, 0, 1, 0, 0, 0);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 Jan 2024 00:00:30 GMT", now)).toBe(0);
    for (const v of [null, undefined, "", "soon", "-1"]) expect(parseRetryAfter(v)).toBeNull();
  });

  it("backs off exponentially with jitter, bounded by the ceiling", () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0)).toBe(50);
    expect(backoffDelay(1, p, () => 0.999)).toBeLessThanOrEqual(100);
    expect(backoffDelay(3, p, () => 0)).toBe(200);
    expect(backoffDelay(10, p, () => 1)).toBe(1000);
  });
});
