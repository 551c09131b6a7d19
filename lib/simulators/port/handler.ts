/**
 * The demo Port: Port's API surface (the part this project uses) as a framework-free
 * fetch handler. Served by the Next route under /api/sim/port and by
 * `serveFetchHandler` in tests and benchmarks. It checks its own client credentials and
 * bearer tokens, validates like Port, applies Port's limits (1 MiB per request, bulk and
 * single-entity upsert rate limits), bounds what it stores and how much one page
 * answers, and can inject faults. Requests are accepted with or without the /api/sim/port prefix.
 */
import { logger } from "../../server/log";
import { DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH } from "../../port/regions";
import type { PortIntegration } from "../../port/schemas";
import { DropConnection } from "../serve";
import { FaultInjector } from "./faults";
import { discardBody, portError, portJson } from "./http-util";
import { PORT_BULK_RATE_LIMIT, PORT_SINGLE_UPSERT_RATE_LIMIT, TokenBucket, type RateLimitConfig } from "./rate-limit";
import { routeRequest, type RouteContext } from "./routes";
import { DEMO_PORT_MAX_BLUEPRINTS, DEMO_PORT_STORE_CAP, type StoreCap } from "./storage-cap";
import { LIST_PAGE_MAX_BYTES, type DemoPortStore } from "./store";
import { DemoTokenIssuer } from "./tokens";

export interface DemoPortOptions {
  store: DemoPortStore;
  /** Accepted client credentials; default the demo's (`demo-port-client` / `demo-port-secret`). */
  credentials?: readonly { clientId: string; clientSecret: string }[];
  /** Token lifetime; default 3,600 s. */
  tokenTtlSeconds?: number;
  /** Bulk upsert rate limit; default Port's (35,000 per 5 minutes, burst 3,500); false turns it off. */
  rateLimit?: RateLimitConfig | false;
  /** Single-entity upsert rate limit; default Port's (10,000 per 5 minutes, burst 200); false turns it off. */
  singleRateLimit?: RateLimitConfig | false;
  /** The most the store may hold (see storage-cap.ts for the default); false: unbounded. */
  storeCap?: Partial<StoreCap> | false;
  /** Most blueprints held; default DEMO_PORT_MAX_BLUEPRINTS. */
  maxBlueprints?: number;
  /** Most bytes of entity JSON in one page of a listing or search; default LIST_PAGE_MAX_BYTES. */
  listPageMaxBytes?: number;
  /** Integration records that exist from the start (created when missing). */
  seedIntegrations?: readonly PortIntegration[];
  now?: () => number;
  random?: () => number;
  /** How a "slow" fault waits (tests may inject). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DemoPortStats {
  requests: number;
  tokensIssued: number;
  bulkUpserts: number;
  /** Entity count and body bytes of each bulk upsert received (the last 10,000). */
  bulks: { entities: number; bytes: number }[];
  rateLimited: number;
  inFlight: number;
  peakInFlight: number;
}

export interface DemoPort {
  handle(request: Request): Promise<Response>;
  readonly faults: FaultInjector;
  readonly stats: DemoPortStats;
  readonly store: DemoPortStore;
  resetStats(): void;
  /** Invalidates every token issued so far (clients must renew: the 401 path). */
  revokeTokens(): void;
}

const freshStats = (): DemoPortStats => ({ requests: 0, tokensIssued: 0, bulkUpserts: 0, bulks: [], rateLimited: 0, inFlight: 0, peakInFlight: 0 });

export function createDemoPort(options: DemoPortOptions): DemoPort {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const faults = new FaultInjector(options.random);
  const tokens = new DemoTokenIssuer(options.tokenTtlSeconds ?? 3600, now);
  const bucket = (config: RateLimitConfig | false) => (config === false ? undefined : new TokenBucket(config, now));
  const credentials = options.credentials ?? [DEMO_PORT_CREDENTIALS];
  let stats = freshStats();
  let seeded: Promise<void> | undefined;

  const seed = async () => {
    for (const rec of options.seedIntegrations ?? []) {
      if (!(await options.store.getIntegration(rec.identifier))) await options.store.saveIntegration(rec);
    }
  };

  const context: RouteContext = {
    store: options.store,
    tokens,
    credentials,
    bulkBucket: bucket(options.rateLimit ?? PORT_BULK_RATE_LIMIT),
    singleBucket: bucket(options.singleRateLimit ?? PORT_SINGLE_UPSERT_RATE_LIMIT),
    cap: options.storeCap === false ? undefined : { ...DEMO_PORT_STORE_CAP, ...options.storeCap },
    listPageMaxBytes: options.listPageMaxBytes ?? LIST_PAGE_MAX_BYTES,
    maxBlueprints: options.maxBlueprints ?? DEMO_PORT_MAX_BLUEPRINTS,
    now,
    get stats() {
      return stats;
    },
  };

  async function handle(request: Request): Promise<Response> {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    try {
      seeded ??= seed();
      await seeded;
      const url = new URL(request.url);
      const path = url.pathname.startsWith(DEMO_PORT_PATH + "/") ? url.pathname.slice(DEMO_PORT_PATH.length) : url.pathname;
      const fault = faults.pick(request.method, path);
      if (fault?.kind === "drop") throw new DropConnection();
      if (fault?.kind === "slow") await sleep(fault.delayMs);
      if (fault?.kind === "status") {
        const headers: Record<string, string> = { ...(await discardBody(request)), ...fault.headers };
        if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
        return portError(fault.status, fault.status === 429 ? "rate_limit_exceeded" : "injected_fault", `fault injection: ${fault.status}`, headers);
      }
      return await routeRequest(context, request, path, url.searchParams);
    } catch (error) {
      if (error instanceof DropConnection) throw error;
      // Details go to the server log, not to a caller who only holds the public demo credentials.
      logger().error({ err: error }, "demo Port request failed");
      return portJson(500, { ok: false, error: "internal_error", message: "The demo Port failed on this request; the server log has the details." });
    } finally {
      stats.inFlight -= 1;
    }
  }

  return {
    handle,
    faults,
    get stats() {
      return stats;
    },
    store: options.store,
    resetStats: () => {
      const inFlight = stats.inFlight;
      stats = { ...freshStats(), inFlight };
    },
    revokeTokens: () => tokens.revokeAll(),
  };
}
