/**
 * Sessions for tests: a user row and the cookie next-auth would set after that user
 * signed in (lib/server/auth/testing.ts), or a token with claims of the test's choosing.
 */
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { sessionCookieFor } from "@/lib/server/auth/testing";

export { sessionCookieFor };

export const SESSION_COOKIE = "next-auth.session-token";

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
}

/** A user (a member unless told otherwise) with a live session cookie. */
export async function createUserWithSession(name: string, role: "admin" | "member" = "member"): Promise<TestUser> {
  const email = `${name.toLowerCase()}@example.com`;
  const { id } = await db().user.create({ data: { email, name, role } });
  return { id, email, cookie: await sessionCookieFor(id) };
}

/** A session cookie whose JWT carries exactly `claims`, valid for `maxAgeSeconds` from now. */
export async function cookieWithClaims(claims: Record<string, unknown>, maxAgeSeconds: number): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: claims, secret: env().NEXTAUTH_SECRET, maxAge: maxAgeSeconds })}`;
}
