/**
 * First line of the sign-in rule: pages without a session go to /signin, API calls get
 * 401 JSON. Route handlers check the session again (withSession), so a route can never
 * rely on this alone.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { UNAUTHORIZED_ERROR } from "@/lib/errors";
import { env } from "@/lib/server/env";

/** Paths open without a session: sign-in, first-run setup, health, simulators (own token checks). */
const PUBLIC_PREFIXES = ["/signin", "/setup", "/api/auth", "/api/setup", "/api/health", "/api/sim"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: UNAUTHORIZED_ERROR }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except Next's own assets and the icon.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
