/**
 * Waiting between attempts, shared by the Graph and Port clients: the server's
 * Retry-After, exponential backoff with jitter, a sleep that a cancel interrupts, and a
 * wait on a shared promise that a cancel interrupts.
 * Each client keeps its own policy (which statuses, how many attempts, what budget).
 */

/** Milliseconds from a Retry-After header (seconds, fractional allowed, or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // An HTTP date names a weekday and month; Date.parse alone would read "-1" as a year.
  if (!/[a-z]{3}/i.test(v)) return null;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Backoff before retry number `attempt` (1 = the first retry): exponential from
 * `baseDelayMs`, capped at `maxDelayMs`, with "equal jitter" (half fixed, half random) so
 * waits never collapse to zero and parallel clients do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A real sleep that rejects with the signal's reason as soon as it aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * `promise`, or a rejection as soon as `signal` aborts (with `reason(signal)`, by default
 * the signal's own reason). The promise itself goes on: it may be shared with callers
 * that still wait for it (one token request serves every concurrent caller).
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  reason: (signal: AbortSignal) => unknown = (s) => s.reason,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(reason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
