/**
 * `createGraphSimulator(options)`: the demo tenant as one fetch-style handler serving
 *   `{basePath}/login/{tenant}/oauth2/v2.0/token` and `{basePath}/graph/v1.0/...`.
 * Links (nextLink, deltaLink, @odata.context) are built from the origin the client called
 * (the Host header: Next hands route handlers a request URL on its own listening address,
 * not the name the client used) plus `basePath`, or from a public base URL given per
 * request (behind a proxy). So the same handler works at `http://127.0.0.1:PORT` in tests
 * (basePath ""), at `http://localhost:3000/api/sim` in the app, and for an Ocean container
 * that reaches the app by another name: links stay on the origin it called.
 */
import { DropConnection, type FetchHandler } from "../serve";
import { DEFAULT_SEED, type TenantSizes } from "./data";
import { FaultPlan, type Fault, type FaultRule } from "./faults";
import { handleGraphRequest } from "./graph-api";
import { PageTokens } from "./paging";
import { graphErrorResponse, requestIds, SimError } from "./responses";
import { DemoTenant } from "./tenant";
import { handleTokenRequest } from "./token-endpoint";
import { defaultLimit, Throttle, type ThrottleOptions } from "./throttle";
import { TokenSigner } from "./tokens";

export interface GraphSimulatorOptions {
  /** Data seed: the same seed gives the same tenant (and accepts the same tokens). */
  seed?: number;
  /** Collection sizes (default about 1,200 users, 180 groups, 120 apps, 300 service principals, 250 devices). */
  sizes?: Partial<TenantSizes>;
  /** Entra ID P1/P2: without it, signInActivity answers 403. Default true. */
  premium?: boolean;
  /** Path prefix before `/login` and `/graph`; "" in tests, "/api/sim" in the app (default). */
  basePath?: string;
  /** Lifetime of issued access tokens (default 3599 s, like Entra). */
  tokenLifetimeSeconds?: number;
  /** Clock in ms (default Date.now), for token expiry tests. */
  now?: () => number;
  /** Faults to inject from the start. */
  faults?: FaultRule[];
  /** Graph's resource-unit throttling (off by default; `true` for Graph's limits). */
  throttling?: boolean | ThrottleOptions;
}

export interface ServeOptions {
  /** Origin (and optional path prefix) clients reach the app by, e.g. `https://builder.example.com`; default: the request's Host. */
  publicBaseUrl?: string;
}

export interface GraphSimulator {
  handler: FetchHandler;
  /** The handler, with links built on `options.publicBaseUrl` when given. */
  handle(request: Request, options?: ServeOptions): Promise<Response>;
  tenant: DemoTenant;
  faults: FaultPlan;
  /** Changes the tenant's data (delta queries report them). */
  mutate: DemoTenant["mutate"];
  /** Runtime switches. */
  settings: { premium: boolean };
  /** Makes every token issued so far invalid (401 "expired"), as if they all expired now. */
  expireTokens(): void;
  /** Base URLs a client needs, for a served origin such as `http://127.0.0.1:41234`. */
  endpoints(origin: string): { graphBaseUrl: string; loginBaseUrl: string };
  /** Requests served, by endpoint. */
  stats: { graph: number; token: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The origin the client called: the request URL's scheme with its Host header, when that is a plain host[:port]. */
function calledOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return url.origin;
  try {
    return new URL(`${url.protocol}//${host}`).origin;
  } catch {
    return url.origin;
  }
}

export function createGraphSimulator(options: GraphSimulatorOptions = {}): GraphSimulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const basePath = (options.basePath ?? "/api/sim").replace(/\/$/, "");
  const tenant = new DemoTenant(seed, options.sizes ?? {});
  const signer = new TokenSigner(seed);
  // Page and delta tokens are signed with a key of this instance: a restarted demo tenant
  // (whose changes log is gone) refuses old deltaLinks, which asks for a full resync.
  const pageTokens = new PageTokens();
  const faults = new FaultPlan().add(...(options.faults ?? []));
  const now = options.now ?? Date.now;
  const settings = { premium: options.premium ?? true };
  const stats = { graph: 0, token: 0 };
  const throttleOptions = options.throttling === true ? {} : options.throttling || null;
  const throttle = throttleOptions
    ? new Throttle(throttleOptions.limit ?? defaultLimit(tenant.count("users")), throttleOptions.windowMs ?? 10_000)
    : undefined;
  let tokenGeneration = 0;
  const loginPrefix = `${basePath}/login/`;
  const graphPrefix = `${basePath}/graph`;
  const tokenPath = /^([^/]+)\/oauth2\/v2\.0\/token$/;

  async function applyFault(fault: Fault | null, request: Request): Promise<Response | "truncate" | null> {
    if (!fault) return null;
    switch (fault.type) {
      case "drop":
        throw new DropConnection();
      case "slow":
        await sleep(fault.ms);
        return null;
      case "truncate":
        return "truncate";
      case "expireTokens":
        tokenGeneration += 1;
        return null;
      case "throttle":
        return graphErrorResponse(
          new SimError(429, "TooManyRequests", "Too many requests. Please retry after the time given in the Retry-After header.", {
            "retry-after": fault.retryAfter ?? "1",
            "x-ms-throttle-scope": "Tenant_Application/ReadWrite/demo",
            "x-ms-throttle-information": "ResourceUnitLimitExceeded",
          }),
          requestIds(request),
        );
      case "status": {
        const code = fault.code ?? (fault.status === 503 ? "serviceNotAvailable" : fault.status === 504 ? "gatewayTimeout" : "generalException");
        const headers: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
        return graphErrorResponse(new SimError(fault.status, code, `The service is temporarily unavailable (${fault.status}, injected).`, headers), requestIds(request));
      }
    }
  }

  async function truncate(response: Response): Promise<Response> {
    const text = await response.text();
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers });
  }

  const handle = async (request: Request, serveOptions: ServeOptions = {}): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    const endpoint = path.startsWith(loginPrefix) ? "token" : path === graphPrefix || path.startsWith(`${graphPrefix}/`) ? "graph" : null;
    if (!endpoint) return new Response(JSON.stringify({ error: { code: "NotFound", message: `No demo tenant endpoint at ${path}.` } }), { status: 404, headers: { "content-type": "application/json" } });
    stats[endpoint] += 1;
    const faulted = await applyFault(faults.next(endpoint, path + url.search), request);
    if (faulted instanceof Response) return faulted;

    let response: Response;
    if (endpoint === "token") {
      const m = tokenPath.exec(path.slice(loginPrefix.length));
      if (!m) return new Response(JSON.stringify({ error: "invalid_request", error_description: "AADSTS900561: unknown endpoint." }), { status: 404, headers: { "content-type": "application/json" } });
      response = await handleTokenRequest(request, m[1]!, { gen: tenant.ctx, signer, now, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599, tokenGeneration });
    } else {
      const linkRoot = serveOptions.publicBaseUrl?.replace(/\/+$/, "") ?? calledOrigin(request);
      response = await handleGraphRequest(request, path.slice(graphPrefix.length), `${linkRoot}${graphPrefix}`, {
        tenant, signer, now, premium: settings.premium, tokenGeneration, throttle, pageTokens,
      });
    }
    return faulted === "truncate" ? truncate(response) : response;
  };

  return {
    handler: (request) => handle(request),
    handle,
    tenant,
    faults,
    mutate: tenant.mutate,
    settings,
    stats,
    expireTokens: () => {
      tokenGeneration += 1;
    },
    endpoints: (origin) => ({ graphBaseUrl: `${origin}${graphPrefix}/v1.0`, loginBaseUrl: `${origin}${basePath}/login` }),
  };
}
