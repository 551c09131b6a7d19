/**
 * Fault injection for tests and benchmarks (the app's demo tenant has an empty plan and
 * no way to fill it). A rule applies to requests whose path contains `path` (or matches
 * the RegExp), after skipping the first `after` matches, `times` times (default once).
 */
export type Fault =
  /** 429 TooManyRequests with Retry-After (seconds, may be fractional). */
  | { type: "throttle"; retryAfter?: string }
  /** Any status with Graph's error envelope, e.g. 503 or 504, optionally with Retry-After. */
  | { type: "status"; status: number; retryAfter?: string; code?: string }
  /** Destroys the socket without an answer (only over serveFetchHandler). */
  | { type: "drop" }
  /** Answers normally after a delay. */
  | { type: "slow"; ms: number }
  /** Answers 200 with the JSON body cut in half. */
  | { type: "truncate" }
  /** Every token issued so far stops working (as if it expired) before this request is served. */
  | { type: "expireTokens" };

export interface FaultRule {
  fault: Fault;
  /** Which endpoint: "graph" (default) or "token". */
  endpoint?: "graph" | "token";
  path?: string | RegExp;
  after?: number;
  times?: number;
}

interface ActiveRule extends FaultRule {
  seen: number;
  applied: number;
}

export class FaultPlan {
  private rules: ActiveRule[] = [];
  /** How many faults were injected so far. */
  injected = 0;

  add(...rules: FaultRule[]): this {
    for (const r of rules) this.rules.push({ ...r, seen: 0, applied: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
    this.injected = 0;
  }

  /** The fault to inject for this request, if any (each matching rule counts the request). */
  next(endpoint: "graph" | "token", pathAndQuery: string): Fault | null {
    for (const rule of this.rules) {
      if ((rule.endpoint ?? "graph") !== endpoint) continue;
      const matches = rule.path === undefined || (typeof rule.path === "string" ? pathAndQuery.includes(rule.path) : rule.path.test(pathAndQuery));
      if (!matches) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.after ?? 0) || rule.applied >= (rule.times ?? 1)) continue;
      rule.applied += 1;
      this.injected += 1;
      return rule.fault;
    }
    return null;
  }
}
