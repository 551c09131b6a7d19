/** For tests: a session cookie exactly as next-auth would set it after sign-in. */
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { env } from "../env";
import { SESSION_ID_CLAIM } from "./revocation";
import { SIGNED_IN_AT_CLAIM } from "./session";

export async function sessionCookieFor(userId: string, options: { maxAgeSeconds?: number; sessionId?: string } = {}): Promise<string> {
  const token = await encode({
    token: { sub: userId, [SESSION_ID_CLAIM]: options.sessionId ?? randomUUID(), [SIGNED_IN_AT_CLAIM]: Math.floor(Date.now() / 1000) },
    secret: env().NEXTAUTH_SECRET,
    maxAge: options.maxAgeSeconds ?? 3600,
  });
  return `next-auth.session-token=${token}`;
}
