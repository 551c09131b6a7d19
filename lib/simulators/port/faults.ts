/**
 * Fault injection for tests and benchmarks: answer with a status (429 storms, 500, 503),
 * answer slowly, or drop the connection. Rules fire on matching requests, a given number
 * of times or with a probability (the random source is injectable for repeatable runs).
 */
export type FaultAction =
  | { kind: "status"; status: number; retryAfterSeconds?: number; headers?: Record<string, string> }
  | { kind: "slow"; delayMs: number }
  | { kind: "drop" };

export type FaultRule = FaultAction & {
  /** Which requests (`METHOD /v1/...`); default every request except the token endpoint. */
  match?: RegExp;
  /** How many times to fire; default unlimited. */
  times?: number;
  /** Chance of firing on a matching request; default 1. */
  probability?: number;
};

const DEFAULT_MATCH = /^[A-Z]+ \/v1\/(?!auth\/)/;

export class FaultInjector {
  private rules: (FaultRule & { fired: number })[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any rule fires (the first matching rule wins). */
  pick(method: string, path: string): FaultAction | undefined {
    const key = `${method} ${path}`;
    for (const rule of this.rules) {
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (!(rule.match ?? DEFAULT_MATCH).test(key)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.fired += 1;
      return rule;
    }
    return undefined;
  }
}
