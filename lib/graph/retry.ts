/**
 * When and how long to wait before trying a request again: Retry-After when Graph gives
 * it (seconds, fractional allowed, or an HTTP date), else exponential backoff with jitter;
 * bounded attempts and a total time budget.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step; doubles each attempt. */
  baseDelayMs: number;
  /** Ceiling of one backoff step. A Retry-After is waited in full, within the budget. */
  maxDelayMs: number;
  /** Total time a request may spend, waits included; a wait that would exceed it is not made. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, budgetMs: 120_000 };

/** Statuses Graph asks to retry. 500 is not retried (Ocean does not either). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export { parseRetryAfter, type Sleep } from "../net/backoff";
