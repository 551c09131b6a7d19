/**
 * Sessions expire and end: a session token is accepted for SESSION_MAX_AGE_HOURS after
 * next-auth issued it and refused after (next-auth's own 15-second clock tolerance
 * aside), by the route handlers and by proxy.ts alike; the session itself ends
 * SESSION_MAX_AGE_HOURS after sign-in however often next-auth re-issued its cookie in
 * between, and a token that does not say when it signed in is refused; a session ended through
 * next-auth's sign-out is refused everywhere at once while the user's other sessions go
 * on; a token sealed with another secret, or without the session id sign-out needs, is
 * no session.
 */
import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/server/auth/options";
import { SESSION_ID_CLAIM } from "@/lib/server/auth/revocation";
import { SIGNED_IN_AT_CLAIM } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";
import { proxy } from "@/proxy";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { APP_ORIGIN, callRoute } from "./support/route-walk";
import { cookieWithClaims, createUserWithSession, SESSION_COOKIE, type TestUser } from "./support/sessions";

const MAX_AGE_HOURS = 2;
/** next-auth accepts a token this long past its expiry (clock skew between servers). */
const NEXT_AUTH_TOLERANCE_SECONDS = 15;

let database: AppDatabase;
let alice: TestUser;

/** Whether the session is accepted: by a route handler (200 vs 401), a page and an API call through proxy.ts. */
async function acceptedBy(cookie: string): Promise<{ route: boolean; page: boolean; api: boolean }> {
  const route = await callRoute({ route: "projects/route.ts", method: "GET", params: {}, headers: { cookie } });
  const page = await proxy(new NextRequest(`${APP_ORIGIN}/projects`, { headers: { cookie } }));
  const api = await proxy(new NextRequest(`${APP_ORIGIN}/api/projects`, { headers: { cookie } }));
  return { route: route.status === 200, page: page.headers.get("x-middleware-next") === "1", api: api.headers.get("x-middleware-next") === "1" };
}

const everywhere = { route: true, page: true, api: true };
const nowhere = { route: false, page: false, api: false };

/** The cookie next-auth sets at sign-in: its jwt callback's token, sealed with the configured lifetime. */
async function signedInCookie(userId: string): Promise<{ cookie: string; token: Record<string, unknown> }> {
  const options = authOptions();
  const token = (await options.callbacks!.jwt!({ token: { sub: userId }, user: { id: userId, email: alice.email }, account: null, trigger: "signIn" } as never)) as Record<string, unknown>;
  const sealed = await encode({ token, secret: env().NEXTAUTH_SECRET, maxAge: options.session!.maxAge! });
  return { cookie: `${SESSION_COOKIE}=${sealed}`, token };
}

/**
 * next-auth's own session read, as GET /api/auth/session runs it on every page load: it
 * decodes the cookie, runs the jwt callback and re-issues the cookie with a fresh expiry.
 * The re-issued cookie, or null when next-auth refused the session (and cleared it).
 */
async function reissued(cookie: string): Promise<string | null> {
  const setCookies: string[] = [];
  const response = {
    getHeader: () => setCookies,
    setHeader: (name: string, value: string[]) => name.toLowerCase() === "set-cookie" && setCookies.splice(0, setCookies.length, ...value),
    setCookie: () => {},
  };
  const value = cookie.slice(SESSION_COOKIE.length + 1);
  await getServerSession({ headers: { cookie }, cookies: { [SESSION_COOKIE]: value } } as never, response as never, authOptions());
  const fresh = setCookies.map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
  return fresh ?? null;
}

beforeAll(async () => {
  database = openAppDatabase("access-sessions", { SESSION_MAX_AGE_HOURS: String(MAX_AGE_HOURS) });
  alice = await createUserWithSession("Alice", "admin");
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => database.close());

describe("sessions expire and end", () => {
  it(`a session lives SESSION_MAX_AGE_HOURS (${MAX_AGE_HOURS} h here) and not a minute longer`, async () => {
    const issuedAt = Date.now();
    const { cookie } = await signedInCookie(alice.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(issuedAt + (MAX_AGE_HOURS * 3600 - 60) * 1000);
    expect(await acceptedBy(cookie)).toEqual(everywhere);
    vi.setSystemTime(issuedAt + (MAX_AGE_HOURS * 3600 + NEXT_AUTH_TOLERANCE_SECONDS + 45) * 1000);
    expect(await acceptedBy(cookie)).toEqual(nowhere);
  });

  it("a session in use, its cookie re-issued every 10 minutes, still ends SESSION_MAX_AGE_HOURS after sign-in", async () => {
    const signedInAt = Date.now();
    let { cookie } = await signedInCookie(alice.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    const lastRefresh = MAX_AGE_HOURS * 6 - 1;
    for (let refresh = 1; refresh <= lastRefresh; refresh++) {
      vi.setSystemTime(signedInAt + refresh * 10 * 60_000);
      const next = await reissued(cookie);
      expect(next, `refresh ${refresh}`).not.toBeNull();
      expect(next).not.toBe(cookie);
      cookie = next!;
    }
    // The last cookie was issued 10 minutes before the end: next-auth's expiry alone would
    // let it live almost another SESSION_MAX_AGE_HOURS.
    const last = await decode({ token: cookie.slice(SESSION_COOKIE.length + 1), secret: env().NEXTAUTH_SECRET });
    expect((last!.exp as number) * 1000).toBeGreaterThan(signedInAt + (2 * MAX_AGE_HOURS * 3600 - 15 * 60) * 1000);
    vi.setSystemTime(signedInAt + (MAX_AGE_HOURS * 3600 - 60) * 1000);
    expect(await acceptedBy(cookie)).toEqual(everywhere);
    vi.setSystemTime(signedInAt + (MAX_AGE_HOURS * 3600 + 60) * 1000);
    expect(await acceptedBy(cookie)).toEqual(nowhere);
    expect(await reissued(cookie)).toBeNull();
  });

  it("a token that does not say when its session began is refused, by the handlers, proxy.ts and next-auth's session read", async () => {
    const undated = await cookieWithClaims({ sub: alice.id, [SESSION_ID_CLAIM]: "undated-session" }, 3600);
    expect(await acceptedBy(undated)).toEqual(nowhere);
    expect(await reissued(undated)).toBeNull();
    // The same token with the claim the sign-in sets is a session: the claim alone decides.
    const dated = await cookieWithClaims({ sub: alice.id, [SESSION_ID_CLAIM]: "dated-session", [SIGNED_IN_AT_CLAIM]: Math.floor(Date.now() / 1000) }, 3600);
    expect(await acceptedBy(dated)).toEqual(everywhere);
    expect(await reissued(dated)).not.toBeNull();
  });

  it("a token issued with an expiry already past is refused", async () => {
    const expired = await cookieWithClaims({ sub: alice.id, [SESSION_ID_CLAIM]: "expired-session" }, -(NEXT_AUTH_TOLERANCE_SECONDS + 60));
    expect(await acceptedBy(expired)).toEqual(nowhere);
  });

  it("signing out (next-auth's signOut event) ends that session everywhere at once; the user's other sessions go on", async () => {
    const first = await signedInCookie(alice.id);
    const second = await signedInCookie(alice.id);
    expect(await acceptedBy(first.cookie)).toEqual(everywhere);
    await authOptions().events!.signOut!({ token: first.token, session: null } as never);
    expect(await acceptedBy(first.cookie)).toEqual(nowhere);
    expect(await acceptedBy(second.cookie)).toEqual(everywhere);
    // next-auth's own session refresh refuses it too (it would otherwise re-issue the cookie).
    await expect(authOptions().callbacks!.jwt!({ token: first.token } as never)).rejects.toThrow();
  });

  it("a token sealed with another secret, or without a session id, is no session", async () => {
    const foreign = await encode({ token: { sub: alice.id, [SESSION_ID_CLAIM]: "s" }, secret: "another-builder's-secret-of-at-least-32-chars", maxAge: 3600 });
    expect(await acceptedBy(`${SESSION_COOKIE}=${foreign}`)).toEqual(nowhere);
    expect(await acceptedBy(await cookieWithClaims({ sub: alice.id }, 3600))).toEqual(nowhere);
  });
});
