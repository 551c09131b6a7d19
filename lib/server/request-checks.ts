/**
 * Checks on a request's own headers and URL, before any handler reads it: the Host must
 * be one this builder serves (DNS rebinding), a state change must come from our own
 * pages or from a client that is no browser (CSRF), and the path must be decodable.
 * Each answers a clear 4xx instead of letting a crafted value reach a parser that throws.
 * Used by proxy.ts for every request and by the route guards, so neither relies on the other.
 */
import type { AppErrorShape } from "../errors";
import { env } from "./env";
import { servedHostsOf, type ServedHosts } from "./served-hosts";

function refusal(status: number, error: AppErrorShape): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** The request's Host header (what the browser was pointed at). */
function hostOf(request: Request): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}

/** A request addressed to a name this builder does not serve: 403. */
export function foreignHostRefusal(request: Request, hosts: ServedHosts = servedHostsOf(env())): Response | null {
  const host = hostOf(request);
  if (hosts.allows(host)) return null;
  return refusal(403, {
    code: "host_not_served",
    message: `This builder does not answer to the host name "${host.slice(0, 100)}".`,
    hint: "Open the builder at its own address (NEXTAUTH_URL). An administrator can add names with SERVED_HOSTS.",
  });
}

/** An identity provider may post its answer back from its own site (OIDC form_post). */
export function isProviderCallback(pathname: string): boolean {
  return pathname.startsWith("/api/auth/callback/") && pathname !== "/api/auth/callback/credentials";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The Origin header's host, or null when it is absent; "unparseable" for `null` or junk. */
function originHost(origin: string | null): string | null | "unparseable" {
  if (origin === null) return null;
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : "unparseable";
  } catch {
    return "unparseable";
  }
}

/**
 * Refuses a state-changing request sent by another site (CSRF) or to another host name
 * (DNS rebinding). SameSite=Lax cookies do not cover other ports of localhost or sibling
 * subdomains, so the browser's own Sec-Fetch-Site and Origin headers decide; clients that
 * send neither (curl, the CLI) are not browsers and carry no ambient cookies. An Origin
 * that does not parse (`http://[bad`, `null`) is another site.
 */
export function crossSiteRefusal(request: Request, hosts: ServedHosts = servedHostsOf(env())): Response | null {
  if (!isStateChanging(request.method)) return null;
  const foreign = foreignHostRefusal(request, hosts);
  if (foreign) return foreign;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = originHost(request.headers.get("origin"));
  const crossSite =
    (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") ||
    origin === "unparseable" ||
    (origin !== null && origin.toLowerCase() !== hostOf(request).toLowerCase());
  if (!crossSite) return null;
  return refusal(403, {
    code: "cross_site_request",
    message: "Requests from other sites are refused.",
    hint: "Use the builder's own pages, or call the API without a browser.",
  });
}

/**
 * An Origin header that is not an origin at all (`http://[bad`): 400 on any method. Only
 * a hand-made request sends one; `null` (a sandboxed or file: page) is a real browser
 * value and is left to crossSiteRefusal.
 */
export function malformedOriginRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null || origin === "null" || originHost(origin) !== "unparseable") return null;
  return refusal(400, {
    code: "malformed_origin",
    message: "The Origin header is not a valid origin.",
    hint: "Send no Origin header, or one like https://host[:port].",
  });
}

/**
 * A path whose percent-encoding does not decode (`/api/auth/%E0%A4%A`): 400 here, where
 * Next's own parameter decoding would otherwise throw and answer 500.
 */
export function malformedPathRefusal(pathname: string): Response | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return refusal(400, {
      code: "malformed_path",
      message: "The request path has broken percent-encoding.",
      hint: "Encode every % in a path as %25.",
    });
  }
}
