/**
 * Port's documented limits on upserts (bulk: 35,000 requests per 5 minutes, burst 3,500;
 * single entity: see below) as token buckets: each refills at requests/window per second up to `burst`. The clock
 * is injected so tests can move time instead of waiting.
 */
export interface RateLimitConfig {
  requests: number;
  windowSeconds: number;
  burst: number;
  /** Tokens at start (default `burst`); 0 measures the sustained rate at once. */
  initialTokens?: number;
}

export const PORT_BULK_RATE_LIMIT: RateLimitConfig = { requests: 35_000, windowSeconds: 300, burst: 3_500 };

/**
 * Port's limit on single-entity upserts (docs.port.io/api-reference/rate-limits: 10,000
 * requests per 5 minutes, burst 200): about 33 per second once the burst is spent.
 */
export const PORT_SINGLE_UPSERT_RATE_LIMIT: RateLimitConfig = { requests: 10_000, windowSeconds: 300, burst: 200 };

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly perMs: number;

  constructor(private readonly config: RateLimitConfig, private readonly now: () => number = Date.now) {
    this.tokens = config.initialTokens ?? config.burst;
    this.last = now();
    this.perMs = config.requests / (config.windowSeconds * 1000);
  }

  take(): RateDecision {
    const t = this.now();
    this.tokens = Math.min(this.config.burst, this.tokens + (t - this.last) * this.perMs);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true, remaining: Math.floor(this.tokens) };
    }
    // Retry-After is whole seconds in HTTP; never 0, or clients would spin.
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perMs / 1000)) };
  }
}
