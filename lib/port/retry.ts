/**
 * When and how long to wait before retrying a Port request, like Ocean does: 429, 408,
 * 502, 503 and 504 are retried (500 is not: Port reports real failures with it), up to
 * 10 attempts, exponential from 0.3 s with jitter, and the server's own `Retry-After`
 * or `x-ratelimit-reset` wins when it says longer. Unlike Ocean, a request has a budget:
 * 10 attempts of a Port that never answers would take 20 minutes (120 s each); no retry
 * starts, and no attempt outlives, 5 minutes after it was first sent.
 */
import { backoffDelay, parseRetryAfter } from "../net/backoff";

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Total attempts including the first; default 10. */
  maxAttempts: number;
  /** First backoff; default 300 ms. */
  baseDelayMs: number;
  /** Cap of one wait; default 60 s. */
  maxDelayMs: number;
  /** From the first attempt's sending, how long the request may take, retries included; default 5 min. */
  budgetMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 300, maxDelayMs: 60_000, budgetMs: 300_000 };

/**
 * The wait the server asked for, in ms, or undefined. `Retry-After` is seconds or an HTTP
 * date; `x-ratelimit-reset` is seconds to wait, or an epoch time in seconds when large.
 */
export function serverRequestedDelayMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get("retry-after"), nowMs);
  if (retryAfter !== null) return retryAfter;
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    // A value this large cannot be a wait in seconds (31 years): it is an epoch time.
    return value > 1e9 ? Math.max(0, value * 1000 - nowMs) : value * 1000;
  }
  return undefined;
}

/** The wait before retry number `attempt`: the longer of the server's ask and our backoff. */
export function retryDelayMs(attempt: number, headers: Headers | undefined, policy: RetryPolicy, nowMs: number, random?: () => number): number {
  const asked = headers ? serverRequestedDelayMs(headers, nowMs) : undefined;
  if (asked !== undefined) return Math.min(policy.maxDelayMs, asked);
  return backoffDelay(attempt, policy, random);
}

