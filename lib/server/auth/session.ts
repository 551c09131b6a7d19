/** Who is signed in, read from next-auth's session cookie on any Request. */
import { getToken } from "next-auth/jwt";
import { db } from "../db";
import { env } from "../env";
import { isSessionRevoked, sessionIdOf } from "./revocation";

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
 * secret, be unexpired, carry a session id that was not signed out, and name a user who
 * still exists. The user row is read on every request (one primary-key lookup), so a
 * removed person is signed out at once and a role change applies to the next request.
 */
export async function sessionFromRequest(request: Request): Promise<SessionUser | null> {
  const token = await getToken({
    req: { cookies: parseCookies(request.headers.get("cookie")), headers: request.headers } as never,
    secret: env().NEXTAUTH_SECRET,
  });
  const sessionId = sessionIdOf(token);
  if (!token?.sub || !sessionId) return null;
  if (await isSessionRevoked(db(), sessionId)) return null;
  return db().user.findUnique({ where: { id: token.sub }, select: { id: true, email: true, name: true, role: true } });
}
