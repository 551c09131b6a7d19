/** Who is signed in, read from next-auth's session cookie on any Request. */
import { getToken } from "next-auth/jwt";
import { db } from "../db";
import { env } from "../env";
import { isSessionRevoked, sessionIdOf } from "./revocation";

/**
 * When the session began (seconds since the epoch), set once at sign-in and carried by
 * every re-issued token. next-auth gives each re-issued token a fresh expiry, so a session
 * in use would slide forever: this claim ends it SESSION_MAX_AGE_HOURS after sign-in.
 */
export const SIGNED_IN_AT_CLAIM = "signedInAt";

/** The session lifetime in seconds (SESSION_MAX_AGE_HOURS), measured from sign-in. */
export function sessionMaxAgeSeconds(): number {
  return Math.round(env().SESSION_MAX_AGE_HOURS * 3600);
}

/** Whether the token's session began less than `maxAgeSeconds` ago; a token without the claim has not. */
export function isWithinSessionLifetime(token: Record<string, unknown>, maxAgeSeconds = sessionMaxAgeSeconds(), nowMs = Date.now()): boolean {
  const signedInAt = token[SIGNED_IN_AT_CLAIM];
  return typeof signedInAt === "number" && Number.isFinite(signedInAt) && nowMs / 1000 - signedInAt < maxAgeSeconds;
}

/**
 * Whether a decoded, unexpired token is a live session: it names a user, carries a
 * session id that was not signed out, and began less than SESSION_MAX_AGE_HOURS ago.
 * The one check behind next-auth's jwt callback, proxy.ts and sessionFromRequest.
 */
export async function isLiveSessionToken(token: Record<string, unknown> | null): Promise<boolean> {
  const sessionId = sessionIdOf(token);
  if (!token?.sub || !sessionId || !isWithinSessionLifetime(token)) return false;
  return !(await isSessionRevoked(db(), sessionId));
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** "admin" | "member", read from the user row on every request (a change applies at once). */
  role: string;
}

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/**
 * The signed-in user of this request, or null. The token must decrypt with this app's
 * secret, be unexpired, be a live session (isLiveSessionToken), and name a user who
 * still exists. The user row is read on every request (one primary-key lookup), so a
 * removed person is signed out at once and a role change applies to the next request.
 */
export async function sessionFromRequest(request: Request): Promise<SessionUser | null> {
  const token = await getToken({
    req: { cookies: parseCookies(request.headers.get("cookie")), headers: request.headers } as never,
    secret: env().NEXTAUTH_SECRET,
  });
  if (!token?.sub || !(await isLiveSessionToken(token))) return null;
  return db().user.findUnique({ where: { id: token.sub }, select: { id: true, email: true, name: true, role: true } });
}
