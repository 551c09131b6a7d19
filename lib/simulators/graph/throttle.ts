/**
 * Graph's identity throttling model (shared/docs/microsoft-graph.md): a token bucket of
 * resource units per app + tenant, refilled continuously over 10 s; 3,500 / 5,000 / 8,000
 * units for tenants under 50 / 50-500 / over 500 users. Off in the app's demo tenant (a
 * demo should not stall); on in tests that prove the client honours Retry-After.
 */
import { SimError } from "./responses";

export interface ThrottleOptions {
  /** Units per window; default from the tenant's user count, as Graph does. */
  limit?: number;
  /** Window in ms (default 10 s). */
  windowMs?: number;
}

export function defaultLimit(users: number): number {
  return users < 50 ? 3500 : users <= 500 ? 5000 : 8000;
}

export class Throttle {
  private readonly buckets = new Map<string, { units: number; at: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /**
   * Takes `cost` units from the app's bucket, or throws Graph's 429 with the fractional
   * Retry-After that refills enough. Returns headers for a served request.
   */
  take(app: string, cost: number, now: number): Record<string, string> {
    const rate = this.limit / this.windowMs;
    const b = this.buckets.get(app) ?? { units: this.limit, at: now };
    b.units = Math.min(this.limit, b.units + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(app, b);
    if (b.units < cost) {
      const seconds = Math.ceil(((cost - b.units) / rate)) / 1000;
      throw new SimError(429, "TooManyRequests", "Too many requests. Please retry after the time given in the Retry-After header.", {
        "retry-after": String(Math.max(0.001, seconds)),
        "x-ms-throttle-scope": `Tenant_Application/ReadOnly/${app}`,
        "x-ms-throttle-information": "ResourceUnitLimitExceeded",
        "x-ms-resource-unit": String(cost),
      });
    }
    b.units -= cost;
    const used = 1 - b.units / this.limit;
    // Graph adds the percentage only once an app has used more than 80% of its limit.
    return used > 0.8 ? { "x-ms-throttle-limit-percentage": used.toFixed(2) } : {};
  }
}
