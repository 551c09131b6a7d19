/**
 * Sessions ended on the server. A session cookie is a self-contained JWT, so signing out
 * only deletes the browser's copy: a copied cookie would stay valid until it expires.
 * Sign-out therefore records the session's id here, and every session check refuses it.
 *
 * The id is the `sid` claim set once at sign-in (lib/server/auth/options.ts), stored in
 * RevokedSession.jti: next-auth re-encodes the token with a fresh `jti` every time the
 * session is read, so the JWT's own `jti` would revoke one copy and not the others.
 * Rows are kept until the last token of that session could expire, then pruned.
 */
import type { Db } from "../db";

export const SESSION_ID_CLAIM = "sid";

/** Some slack over the token's own expiry: next-auth accepts tokens 15 s past it. */
const EXPIRY_SLACK_MS = 60_000;

/** Ends a session for good; `maxAgeSeconds` is the session lifetime (SESSION_MAX_AGE_HOURS). */
export async function revokeSession(db: Db, sessionId: string, maxAgeSeconds: number, now = new Date()): Promise<void> {
  // Every token of this session was issued before now and lives at most maxAge: none is
  // valid after now + maxAge, so the row is not needed after that.
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000 + EXPIRY_SLACK_MS);
  await db.revokedSession.upsert({ where: { jti: sessionId }, create: { jti: sessionId, expiresAt }, update: { expiresAt } });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

export async function isSessionRevoked(db: Db, sessionId: string): Promise<boolean> {
  const row = await db.revokedSession.findUnique({ where: { jti: sessionId }, select: { jti: true } });
  return row !== null;
}

/** The session id of a decoded token, or null for a token without one (refused). */
export function sessionIdOf(token: Record<string, unknown> | null | undefined): string | null {
  const sid = token?.[SESSION_ID_CLAIM];
  return typeof sid === "string" && sid.length > 0 && sid.length <= 100 ? sid : null;
}
