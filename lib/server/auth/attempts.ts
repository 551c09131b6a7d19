/**
 * Slows password guessing: after `maxFailures` wrong passwords for one email within
 * `windowMs`, sign-in for that email is refused until the window has passed. Kept in
 * memory: the builder runs as one process, and a restart forgetting it is acceptable.
 */
export interface AttemptLimiter {
  /** Milliseconds until the email may try again, or 0 when it may try now. */
  retryAfterMs(email: string): number;
  recordFailure(email: string): void;
  recordSuccess(email: string): void;
}

export function createAttemptLimiter(options: { maxFailures?: number; windowMs?: number; now?: () => number } = {}): AttemptLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (email: string) => (failures.get(email) ?? []).filter((t) => now() - t < windowMs);

  return {
    retryAfterMs(email) {
      const times = recent(email);
      if (times.length === 0) failures.delete(email);
      else failures.set(email, times);
      return times.length >= maxFailures ? windowMs - (now() - times[0]!) : 0;
    },
    recordFailure(email) {
      failures.set(email, [...recent(email), now()].slice(-maxFailures));
    },
    recordSuccess(email) {
      failures.delete(email);
    },
  };
}

/** The error next-auth passes to the sign-in form when the limiter refuses. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
