/**
 * Slows password guessing without letting a guesser lock anyone else out. Failures are
 * counted per account and client address together, per client address across accounts,
 * and per account across addresses:
 * - one address guessing one account is refused after `perAccountAndClient` failures;
 * - one address trying many accounts is refused after `perClient` failures in all;
 * - an account guessed from many addresses (`accountUnderAttack` failures in all) refuses
 *   every address that has failed on it, so each new address gets one guess.
 * An address without recent failures is never refused: the right password from someone
 * who has not been guessing always gets through. Failures expire after `windowMs`.
 * A client is its address as limitKeyOf() keys it: an IPv6 client by its /64 prefix.
 *
 * Kept in memory (the builder runs as one process; a restart forgetting it is acceptable),
 * bounded: a key longer than `maxKeyLength` is replaced by its SHA-256 (a fresh short
 * string: a slice would keep the whole original alive), and each table keeps at most
 * `maxEntries`, dropping the least recently used first.
 */
import { createHash } from "node:crypto";
import { limitKeyOf } from "../client-address";

export interface AttemptLimits {
  perAccountAndClient: number;
  perClient: number;
  accountUnderAttack: number;
  windowMs: number;
  maxEntries: number;
  maxKeyLength: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  perAccountAndClient: 10,
  perClient: 30,
  accountUnderAttack: 50,
  windowMs: 15 * 60_000,
  maxEntries: 10_000,
  maxKeyLength: 320,
};

export interface AttemptLimiter {
  /** Milliseconds until this client may try this account again, or 0 when it may try now. */
  retryAfterMs(account: string, client: string): number;
  recordFailure(account: string, client: string): void;
  recordSuccess(account: string, client: string): void;
  /** Entries held across the tables (for tests and diagnostics). */
  size(): number;
}

/** Failure times per key, oldest key first; at most `maxEntries` keys and `maxTimes` times each. */
class FailureTable {
  private readonly entries = new Map<string, number[]>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxTimes: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Recent failure times, oldest first (expired ones are dropped on the way). */
  recent(key: string): number[] {
    const times = this.entries.get(key);
    if (!times) return [];
    const fresh = times.filter((t) => this.now() - t < this.windowMs);
    if (fresh.length === 0) this.entries.delete(key);
    else if (fresh.length !== times.length) this.entries.set(key, fresh);
    return fresh;
  }

  add(key: string): void {
    const times = [...this.recent(key), this.now()].slice(-this.maxTimes);
    // Delete first so the key moves to the end: the map's order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, times);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function createAttemptLimiter(options: Partial<AttemptLimits> & { now?: () => number } = {}): AttemptLimiter {
  const limits = { ...DEFAULT_ATTEMPT_LIMITS, ...options };
  const now = options.now ?? Date.now;
  const table = (maxTimes: number) => new FailureTable(limits.maxEntries, maxTimes, limits.windowMs, now);
  const byPair = table(limits.perAccountAndClient);
  const byClient = table(limits.perClient);
  const byAccount = table(limits.accountUnderAttack);

  const bounded = (key: string) => (key.length <= limits.maxKeyLength ? key : `sha256:${createHash("sha256").update(key).digest("base64url")}`);
  const accountKey = (account: string) => bounded(account.trim().toLowerCase());
  // Behind a reverse proxy without TRUST_PROXY every client has the proxy's address, so all of them share one per-address limit.
  const clientKey = (client: string) => bounded(limitKeyOf(client));
  const pairKey = (account: string, client: string) => `${clientKey(client)}\n${accountKey(account)}`;
  /** Time until the `count`-th newest failure leaves the window (the count drops below it). */
  const untilBelow = (times: number[], count: number) => (times.length >= count ? limits.windowMs - (now() - times[times.length - count]!) : 0);

  return {
    retryAfterMs(account, client) {
      const pair = byPair.recent(pairKey(account, client));
      if (pair.length === 0) return untilBelow(byClient.recent(clientKey(client)), limits.perClient);
      const underAttack = untilBelow(byAccount.recent(accountKey(account)), limits.accountUnderAttack);
      // While the account is under attack, this client waits until it is not, or until
      // its own failures on the account have expired, whichever comes first.
      const refusedAsGuesser = underAttack > 0 ? Math.min(underAttack, untilBelow(pair, 1)) : 0;
      return Math.max(untilBelow(pair, limits.perAccountAndClient), untilBelow(byClient.recent(clientKey(client)), limits.perClient), refusedAsGuesser);
    },
    recordFailure(account, client) {
      byPair.add(pairKey(account, client));
      byClient.add(clientKey(client));
      byAccount.add(accountKey(account));
    },
    recordSuccess(account, client) {
      byPair.delete(pairKey(account, client));
    },
    size() {
      return byPair.size + byClient.size + byAccount.size;
    },
  };
}
