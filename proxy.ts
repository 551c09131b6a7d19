/**
 * The first checks on every request (Next 16's proxy, Node.js runtime):
 * - a path that does not decode, a Host this builder does not serve (DNS rebinding) or a
 *   state change from another site is refused with a clear 4xx;
 * - pages without a live session go to /signin, API calls get 401 JSON (a signed-out
 *   session is refused here too; route handlers and pages check again themselves, so
 *   none relies on this alone);
 * - every answer carries the security headers, pages a per-request CSP nonce.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { UNAUTHORIZED_ERROR } from "@/lib/errors";
import { isLiveSessionToken } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";
import {
  crossSiteRefusal,
  foreignHostRefusal,
  isProviderCallback,
  isStateChanging,
  malformedOriginRefusal,
  malformedPathRefusal,
} from "@/lib/server/request-checks";
import { API_CONTENT_SECURITY_POLICY, AUTH_PAGES_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, withSecurityHeaders } from "@/lib/server/security-headers";

/**
 * Paths open without a session: sign-in, first-run setup, accepting an invitation (the
 * one-time link is the credential; its route checks it), health, simulators (own token checks).
 */
const PUBLIC_PREFIXES = ["/signin", "/setup", "/invite", "/api/auth", "/api/setup", "/api/invitations", "/api/health", "/api/sim"];
/** Where even a read must come to one of our host names: sign-in, first-run setup and invitations. */
const HOST_CHECKED_PREFIXES = ["/api/auth", "/api/setup", "/api/invitations"];

const under = (prefixes: string[], pathname: string) => prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));

export function isPublicPath(pathname: string): boolean {
  return under(PUBLIC_PREFIXES, pathname);
}

/** A refusal for requests that must not reach any handler, or null. */
function requestRefusal(request: NextRequest): Response | null {
  const { pathname } = request.nextUrl;
  const malformed = malformedPathRefusal(pathname) ?? malformedOriginRefusal(request);
  if (malformed) return malformed;
  if (isStateChanging(request.method)) return isProviderCallback(pathname) ? foreignHostRefusal(request) : crossSiteRefusal(request);
  return under(HOST_CHECKED_PREFIXES, pathname) ? foreignHostRefusal(request) : null;
}

async function hasLiveSession(request: NextRequest): Promise<boolean> {
  // Signed out, or signed in more than SESSION_MAX_AGE_HOURS ago: no live session.
  return isLiveSessionToken(await getToken({ req: request, secret: env().NEXTAUTH_SECRET }));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const refused = requestRefusal(request);
  if (refused) return withSecurityHeaders(refused, API_CONTENT_SECURITY_POLICY);

  if (!isPublicPath(pathname) && !(await hasLiveSession(request))) {
    if (isApi) return withSecurityHeaders(NextResponse.json({ error: UNAUTHORIZED_ERROR }, { status: 401 }), API_CONTENT_SECURITY_POLICY);
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withSecurityHeaders(NextResponse.redirect(url), API_CONTENT_SECURITY_POLICY);
  }

  if (isApi) return withSecurityHeaders(NextResponse.next(), under(["/api/auth"], pathname) ? AUTH_PAGES_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY);
  // Next finds the nonce in the request's CSP header and puts it on its own scripts.
  const csp = pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  // Everything except Next's own static assets and the icon.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
