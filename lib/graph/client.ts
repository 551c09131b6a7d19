/**
 * `createGraphClient`: the requester, paginator and record selector put together for
 * one connection (cloud, token provider, allowlist). Used by the Explore screen
 * (`request`, `requestNextLink`) and by the sync (`fetchAllPages`).
 */
import { buildRequestUrl, createAllowlist, type Allowlist } from "./allowlist";
import { getCloud, type Cloud, type CloudId } from "./clouds";
import { GraphError, type GraphResponse } from "./errors";
import { paginate, type GraphPage } from "./paginator";
import { selectValue, type RecordSelector } from "./record-selector";
import { createRequester, type HttpMethod } from "./requester";
import { abortableSleep, type Sleep } from "../net/backoff";
import { pathSegmentsProblem } from "./request-path";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import type { TokenProvider } from "./token-providers";

export interface GraphClientOptions {
  cloud: CloudId | Cloud;
  tokenProvider: TokenProvider;
  /** Override of `https://{graphHost}/v1.0`, e.g. the demo tenant `{origin}/api/sim/graph/v1.0`. */
  graphBaseUrl?: string;
  /** Origins of simulators that may be called over http (the demo tenant's origin). */
  simulatorOrigins?: readonly string[];
  /** `host[:port]` entries from EXTRA_ALLOWED_HOSTS. */
  extraAllowedHosts?: readonly string[];
  /** A ready allowlist (instead of the three options above). */
  allowlist?: Allowlist;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests: waits without wall-clock sleeps. */
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  /** Per-attempt timeout (default 60 s). */
  timeoutMs?: number;
  /** Default page cap of fetchAllPages (default 100,000 pages). */
  maxPages?: number;
  /** Largest Graph answer read (default 32 MB); a larger one is a `response_too_large` error. */
  maxResponseBytes?: number;
}

/** A page of 999 users with every property is a few MB; 32 MB leaves room without letting one answer fill memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: HttpMethod;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface FetchAllPagesOptions {
  query?: QueryParams;
  /** Sent on every page (e.g. ConsistencyLevel: eventual; nextLink does not carry it). */
  headers?: Record<string, string>;
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  maxPages?: number;
  selector?: RecordSelector;
  nextLinkKey?: string;
}

export interface GraphClient {
  readonly cloud: Cloud;
  readonly graphBaseUrl: string;
  readonly allowlist: Allowlist;
  /** One request to a path under the Graph base (`/users`, `/groups/{id}/members?$top=5`). Throws GraphError on an error status. */
  request<T = unknown>(path: string, options?: RequestOptions): Promise<GraphResponse<T>>;
  /** Follows an `@odata.nextLink` verbatim; it must point at the same Graph origin. */
  requestNextLink<T = unknown>(link: string, options?: Omit<RequestOptions, "query">): Promise<GraphResponse<T>>;
  /** Pages of a collection as they arrive, following nextLinks to the end. */
  fetchAllPages<T = unknown>(path: string, options?: FetchAllPagesOptions): AsyncGenerator<GraphPage<T>, void, undefined>;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const cloud = getCloud(options.cloud);
  const graphBaseUrl = (options.graphBaseUrl ?? cloud.graphBaseUrl).replace(/\/$/, "");
  const base = new URL(graphBaseUrl);
  const allowlist =
    options.allowlist ??
    createAllowlist({ cloud, extraAllowedHosts: options.extraAllowedHosts, simulatorOrigins: options.simulatorOrigins });
  allowlist.assert(base);
  const baseProblem = pathSegmentsProblem(base.pathname);
  if (baseProblem) {
    throw new GraphError("invalid_base_url", `The Graph base URL ${graphBaseUrl} is refused: ${baseProblem}. No request was made.`, {
      status: 400, hint: "Use the Graph version root as is, e.g. https://graph.microsoft.com/v1.0.",
    });
  }
  const send = createRequester({
    graphOrigin: base.origin,
    graphBasePath: base.pathname.replace(/\/$/, ""),
    allowlist,
    tokenProvider: options.tokenProvider,
    errorContext: { ...options.tokenProvider.context, cloud },
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    sleep: options.sleep ?? abortableSleep,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });

  function nextLinkUrl(link: string): URL {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new GraphError("invalid_next_link", "The next page link is not an absolute URL.", { status: 502, hint: "Follow @odata.nextLink exactly as Graph returned it." });
    }
    if (url.origin !== base.origin || url.username || url.password) {
      throw new GraphError("next_link_origin", `The next page link points to ${url.origin}, not to ${base.origin}; it was not followed.`, {
        status: 502, hint: "A nextLink to another origin could leak the token. The listing was stopped and is incomplete.",
      });
    }
    // Same origin is not enough: the demo tenant shares the app's origin, so a link out of
    // the Graph base path would hand the token to another route of the app.
    if (!url.pathname.startsWith(`${base.pathname.replace(/\/$/, "")}/`) || pathSegmentsProblem(url.pathname) !== null) {
      throw new GraphError("next_link_origin", `The next page link leaves ${graphBaseUrl} (${url.pathname}); it was not followed.`, {
        status: 502, hint: "A nextLink outside the Graph base URL could leak the token. The listing was stopped and is incomplete.",
      });
    }
    return url;
  }

  const client: GraphClient = {
    cloud,
    graphBaseUrl,
    allowlist,
    request: async <T>(path: string, o: RequestOptions = {}) =>
      (await send(buildRequestUrl(graphBaseUrl, path, o.query), o)) as GraphResponse<T>,
    requestNextLink: async <T>(link: string, o: Omit<RequestOptions, "query"> = {}) =>
      (await send(nextLinkUrl(link), o)) as GraphResponse<T>,
    fetchAllPages: <T>(path: string, o: FetchAllPagesOptions = {}) => {
      const first = () => send(buildRequestUrl(graphBaseUrl, path, o.query), o);
      // Headers (ConsistencyLevel...) are resent on every page; query and body are in the link / first request only.
      const follow = (link: string) => send(nextLinkUrl(link), { headers: o.headers, signal: o.signal, method: "GET" });
      return paginate<T>(first, follow, {
        maxPages: o.maxPages ?? options.maxPages ?? 100_000,
        selector: o.selector ?? selectValue,
        nextLinkKey: o.nextLinkKey,
        signal: o.signal,
      });
    },
  };
  return client;
}
