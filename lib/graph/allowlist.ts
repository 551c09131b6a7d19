/**
 * Outbound guard: requests go only to the chosen cloud's login and Graph hosts, the
 * simulator's origin(s) and hosts an administrator listed in EXTRA_ALLOWED_HOSTS
 * (`host[:port]`; without a port, the scheme's default port), never a private, link-local
 * or metadata address (lib/net/addresses.ts). Request paths are paths: never URLs, `..`,
 * encoded slashes or userinfo.
 */
import type { Cloud } from "./clouds";
import { GraphError } from "./errors";
import { requestPathProblem } from "./request-path";
import { forbiddenAddressProblem } from "../net/addresses";
import { LOOPBACK_HOSTNAMES } from "../net/hosts";

export interface Allowlist {
  /** Human-readable list, for messages. */
  readonly entries: readonly string[];
  allows(url: URL): boolean;
  /** Throws `host_not_allowed` unless `url` may be called. */
  assert(url: URL): void;
}

export interface AllowlistOptions {
  cloud: Cloud;
  /** `host[:port]` entries, as parsed from EXTRA_ALLOWED_HOSTS. */
  extraAllowedHosts?: readonly string[];
  /** Exact origins of simulators, e.g. `http://127.0.0.1:41234` (http allowed). */
  simulatorOrigins?: readonly string[];
}

const DEFAULT_PORT: Record<string, string> = { "https:": "443", "http:": "80" };

export function createAllowlist(options: AllowlistOptions): Allowlist {
  const httpsHosts = new Set([options.cloud.loginHost, options.cloud.graphHost].map((h) => h.toLowerCase()));
  const origins = new Set((options.simulatorOrigins ?? []).map((o) => new URL(o).origin));
  const extra = (options.extraAllowedHosts ?? []).map((entry) => {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.trim().toLowerCase());
    return m ? { host: m[1]!, port: m[2] ?? null } : null;
  }).filter((e): e is { host: string; port: string | null } => e !== null);

  /** Why `url` may not be called, or null when it may. */
  const problem = (url: URL): string | null => {
    if (url.username || url.password) return "it carries a user name or password";
    if (url.protocol !== "https:" && url.protocol !== "http:") return `${url.protocol} is not http or https`;
    const port = url.port || DEFAULT_PORT[url.protocol]!;
    if (url.protocol === "https:" && port === "443" && httpsHosts.has(url.hostname.toLowerCase())) return null;
    if (origins.has(url.origin)) return null;
    // Even an administrator's entry may not name the private network or the metadata service.
    const forbidden = forbiddenAddressProblem(url.hostname);
    if (forbidden) return `it is ${forbidden}, which no allowed host may be`;
    // A bearer token must not travel in clear text: extra hosts are https-only, except loopback.
    if (url.protocol === "http:" && !LOOPBACK_HOSTNAMES.has(url.hostname.toLowerCase())) return "plain http is accepted on loopback only";
    const listed = extra.some((e) => e.host === url.hostname.toLowerCase() && port === (e.port ?? DEFAULT_PORT[url.protocol]));
    return listed ? null : "it is not an allowed host";
  };

  const entries = [...httpsHosts, ...origins, ...(options.extraAllowedHosts ?? [])];
  return {
    entries,
    allows: (url) => problem(url) === null,
    assert(url) {
      const why = problem(url);
      if (why === null) return;
      throw new GraphError("host_not_allowed", `Refused to call ${url.protocol}//${url.host}: ${why}. No request was made.`, {
        status: 400,
        hint: `Outbound calls may only go to ${entries.join(", ")}. An administrator can allow more public hosts with EXTRA_ALLOWED_HOSTS (host[:port], comma-separated).`,
      });
    },
  };
}

function invalidPath(path: string, why: string): GraphError {
  return new GraphError("invalid_path", `"${path}" is not a valid Graph path: ${why}.`, {
    status: 400,
    hint: "Give a path relative to the Graph version root, such as /users or /groups/{id}/members; URLs are not accepted.",
  });
}

/**
 * Builds the URL for a request path under the Graph base URL. Query parameters in the
 * path (`/users?$top=5`) and in `query` are both kept; `$` stays unencoded in keys.
 */
export function buildRequestUrl(baseUrl: string, path: string, query: Record<string, string | number | boolean | undefined> = {}): URL {
  if (typeof path !== "string") throw invalidPath(String(path), "it is not text");
  const problem = requestPathProblem(path);
  if (problem) throw invalidPath(path, problem);
  const [rawPath, rawQuery = ""] = path.split(/\?(.*)/s, 2) as [string, string?];
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/$/, "");
  const url = new URL(`${base.origin}${basePath}${rawPath.startsWith("/") ? "" : "/"}${rawPath}`);
  if (url.origin !== base.origin || url.username || url.password || !url.pathname.startsWith(`${basePath}/`)) {
    throw invalidPath(path, "it leaves the Graph base URL");
  }
  const parts = rawQuery ? rawQuery.replace(/ /g, "%20").split("&").filter(Boolean) : [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    parts.push(`${k}=${encodeURIComponent(String(v)).replace(/%24/g, "$").replace(/%2C/g, ",")}`);
  }
  if (parts.length) url.search = `?${parts.join("&")}`;
  return url;
}
