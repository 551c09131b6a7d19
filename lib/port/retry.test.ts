import { describe, expect, it } from "vitest";
import { backoffDelay } from "../net/backoff";
import { defaultRetryPolicy, retryDelayMs, serverRequestedDelayMs } from "./retry";

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("retry delays", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": new Date(now + 5000).toUTCString() }), now)).toBe(5000);
  });

  it("reads x-ratelimit-reset as seconds to wait, or as an epoch time", () => {
    expect(serverRequestedDelayMs(new Headers({ "x-ratelimit-reset": "2" }), now)).toBe(2000);
    expect(serverRequestedDelayMs(new Headers({ "x-ratelimit-reset": String(now / 1000 + 4) }), now)).toBe(4000);
    expect(serverRequestedDelayMs(new Headers({}), now)).toBeUndefined();
  });

  it("prefers the server's wait, capped, over the backoff", () => {
    expect(retryDelayMs(1, new Headers({ "retry-after": "7" }), defaultRetryPolicy, now)).toBe(7000);
    expect(retryDelayMs(1, new Headers({ "retry-after": "7200" }), defaultRetryPolicy, now)).toBe(defaultRetryPolicy.maxDelayMs);
  });

  it("backs off exponentially from 0.3 s with jitter in the upper half", () => {
    expect(backoffDelay(1, defaultRetryPolicy, () => 0)).toBe(150);
    expect(backoffDelay(1, defaultRetryPolicy, () => 1)).toBe(300);
    expect(backoffDelay(4, defaultRetryPolicy, () => 1)).toBe(2400);
    expect(backoffDelay(30, defaultRetryPolicy, () => 1)).toBe(defaultRetryPolicy.maxDelayMs);
  });
});
