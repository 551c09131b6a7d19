/**
 * Sign-in guessing is limited per address and per account, with the builder's own
 * limits (DEFAULT_ATTEMPT_LIMITS), through the guard that wraps next-auth's credentials
 * sign-in, and no stranger can lock the administrator out: whatever a stranger does from
 * other addresses, the administrator's right password from an address that has not been
 * guessing signs in at once. (lib/server/auth/attempts.test.ts and sign-in-guard.test.ts
 * prove the mechanics with small limits; e2e/hardening.spec.ts the same over HTTP.)
 */
import { describe, expect, it } from "vitest";
import { createAttemptLimiter, DEFAULT_ATTEMPT_LIMITS } from "@/lib/server/auth/attempts";
import { createHashGate } from "@/lib/server/auth/hash-gate";
import { guardCredentialsSignIn } from "@/lib/server/auth/sign-in-guard";
import { APP_ORIGIN } from "./support/route-walk";

const ADMIN = { email: "ada@example.com", password: "correct horse battery" };

/**
 * A sign-in door with the default limits on a clock the test moves, behind which the
 * password is checked like next-auth does (a session cookie for the right one, a
 * CredentialsSignin error for a wrong one). Counts how many passwords were checked at all.
 */
function signInDoor() {
  const clock = { now: 1_000_000 };
  const limits = { attempts: createAttemptLimiter({ now: () => clock.now }), gate: createHashGate() };
  let checked = 0;
  const checkPassword = async (request: Request) => {
    checked++;
    const form = new URLSearchParams(await request.text());
    if (form.get("email")?.toLowerCase() === ADMIN.email && form.get("password") === ADMIN.password) {
      const response = Response.json({ url: `${APP_ORIGIN}/projects` });
      response.headers.append("set-cookie", "next-auth.session-token=issued; Path=/; HttpOnly");
      return response;
    }
    return Response.json({ url: `${APP_ORIGIN}/api/auth/error?error=CredentialsSignin&provider=credentials` }, { status: 401 });
  };
  const attempt = (email: string, password: string, client: string) =>
    guardCredentialsSignIn(
      new Request(`${APP_ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-client": client },
        body: new URLSearchParams({ csrfToken: "t", json: "true", email, password }).toString(),
      }),
      checkPassword,
      { limits, clientOf: (r) => r.headers.get("x-client")! },
    ).then((r) => r.status);
  return { clock, limits, attempt, checked: () => checked };
}

describe("sign-in guessing is limited without locking out the administrator", () => {
  it(`per address on one account: ${DEFAULT_ATTEMPT_LIMITS.perAccountAndClient} wrong passwords, then refused even with the right one; the administrator elsewhere signs in`, async () => {
    const door = signInDoor();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(await door.attempt(ADMIN.email, `guess ${i}`, "203.0.113.9"));
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_ATTEMPT_LIMITS.perAccountAndClient);
    expect(statuses.slice(DEFAULT_ATTEMPT_LIMITS.perAccountAndClient).every((s) => s === 429)).toBe(true);
    expect(door.checked()).toBe(DEFAULT_ATTEMPT_LIMITS.perAccountAndClient);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "203.0.113.9")).toBe(429);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "198.51.100.7")).toBe(200);
  });

  it(`per address across accounts: ${DEFAULT_ATTEMPT_LIMITS.perClient} wrong passwords in all, then refused`, async () => {
    const door = signInDoor();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push(await door.attempt(`person${i % 20}@example.com`, "guess", "203.0.113.9"));
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_ATTEMPT_LIMITS.perClient);
    expect(door.checked()).toBe(DEFAULT_ATTEMPT_LIMITS.perClient);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "198.51.100.7")).toBe(200);
  });

  it("per account from many addresses: once it is under attack each guessing address gets no second try; the administrator on a fresh address signs in at once", async () => {
    const door = signInDoor();
    const addresses = Array.from({ length: 200 }, (_, i) => `203.0.${Math.floor(i / 250)}.${i % 250}`);
    for (const address of addresses) for (let i = 0; i < 3; i++) await door.attempt(ADMIN.email, `guess ${address} ${i}`, address);
    // 200 addresses trying 3 times each: every guess is checked until the account has
    // `accountUnderAttack` failures (reached during the 17th address), then one guess per
    // address that has not guessed before: 50 + 183 = 233 of the 600.
    const threshold = DEFAULT_ATTEMPT_LIMITS.accountUnderAttack;
    expect(door.checked()).toBe(threshold + (addresses.length - Math.ceil(threshold / 3)));
    for (const address of addresses) expect(await door.attempt(ADMIN.email, "one more", address), address).toBe(429);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "198.51.100.7")).toBe(200);
    // The attack ages out with the window; then the guessing addresses may try again.
    door.clock.now += DEFAULT_ATTEMPT_LIMITS.windowMs;
    expect(await door.attempt(ADMIN.email, "later", addresses[0]!)).toBe(401);
  });

  it("an IPv6 client counts by its /64: guesses from many addresses of one /64 share one per-address limit; another /64 is another client", async () => {
    const door = signInDoor();
    // A fresh address of the guesser's /64 for every guess, written every way an address can be.
    const inGuessersNet = (i: number) => [`2001:db8:1:2::${(i + 1).toString(16)}`, `2001:0db8:0001:0002:0000:0000:${i.toString(16)}:0001`, `2001:db8:1:2:${i.toString(16)}::1%eth0`][i % 3]!;
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push(await door.attempt(`person${i % 20}@example.com`, "guess", inGuessersNet(i)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_ATTEMPT_LIMITS.perClient);
    expect(door.checked()).toBe(DEFAULT_ATTEMPT_LIMITS.perClient);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(429);
    expect(await door.attempt(ADMIN.email, ADMIN.password, "2001:db8:1:3::1")).toBe(200);
    // One account from one /64, a new address each time: the per-account-and-address limit holds.
    const statusesOnAdmin: number[] = [];
    for (let i = 0; i < 25; i++) statusesOnAdmin.push(await door.attempt(ADMIN.email, `guess ${i}`, `2001:db8:7:7::${i + 1}`));
    expect(statusesOnAdmin.filter((s) => s === 401)).toHaveLength(DEFAULT_ATTEMPT_LIMITS.perAccountAndClient);
  });

  it("a stranger holding a password check in progress does not keep the administrator out", async () => {
    const door = signInDoor();
    const strangerSlot = door.limits.gate.tryEnter("203.0.113.9");
    expect(strangerSlot).not.toBeNull();
    // The same stranger cannot take a second slot...
    expect(await door.attempt(ADMIN.email, "guess", "203.0.113.9")).toBe(429);
    // ...so the administrator's check runs.
    expect(await door.attempt(ADMIN.email, ADMIN.password, "198.51.100.7")).toBe(200);
    strangerSlot!();
  });
});
