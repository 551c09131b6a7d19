/**
 * An adaptive bound on concurrent requests (additive increase, multiplicative decrease):
 * never more than `max` in flight; a burst of 429s halves the current limit once, and
 * after `limit` successes in a row it grows by one again. This keeps a sync near Port's rate limit
 * without hammering it while it is saying "slow down".
 */
export class AdaptiveLimiter {
  readonly max: number;
  private current: number;
  private active = 0;
  private successes = 0;
  private peak = 0;
  private cuts = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
    this.max = max;
    this.current = max;
  }

  /** The limit in force now (1..max). */
  get limit(): number {
    return this.current;
  }

  get inFlight(): number {
    return this.active;
  }

  /** The most requests ever in flight at once. */
  get peakInFlight(): number {
    return this.peak;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Bumped at every cut; a request notes it when it starts (see `throttled`). */
  get generation(): number {
    return this.cuts;
  }

  /**
   * Port said 429: halve the limit (at least 1). `sentAtGeneration` is `generation` when
   * the throttled request was sent: 429s to requests sent before the last cut are the
   * same overload the cut already answered (one cut per burst, as TCP does per window),
   * otherwise 8 concurrent 429s would take the limit from 8 to 1 at once.
   */
  throttled(sentAtGeneration?: number): void {
    if (sentAtGeneration !== undefined && sentAtGeneration < this.cuts) return;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successes = 0;
    this.cuts += 1;
  }

  /** A request went through: after `limit` successes in a row, allow one more. */
  succeeded(): void {
    if (this.current >= this.max) return;
    this.successes += 1;
    if (this.successes >= this.current) {
      this.current += 1;
      this.successes = 0;
      this.wakeWaiters();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.current && this.waiting.length === 0) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => {
      this.take();
      resolve();
    }));
  }

  private take(): void {
    this.active += 1;
    if (this.active > this.peak) this.peak = this.active;
  }

  private release(): void {
    this.active -= 1;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    while (this.active < this.current && this.waiting.length > 0) this.waiting.shift()!();
  }
}
