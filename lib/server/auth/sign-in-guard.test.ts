import { describe, expect, it } from "vitest";
import { limitKeyOf } from "../client-address";
import { createAttemptLimiter } from "./attempts";
import { createHashGate } from "./hash-gate";
import { guardCredentialsSignIn } from "./sign-in-guard";

const ORIGIN = "http://localhost:3000";

function signInRequest(fields: Record<string, string>, client = "10.0.0.1"): Request {
  return new Request(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-test-client": client },
    body: new URLSearchParams({ csrfToken: "t", json: "true", ...fields }).toString(),
  });
}

/** next-auth's answers as its route sends them with json=true. */
const answers = {
  wrong: () => Response.json({ url: `${ORIGIN}/api/auth/error?error=CredentialsSignin&provider=credentials` }, { status: 401 }),
  signedIn: () => {
    const response = Response.json({ url: `${ORIGIN}/projects` });
    response.headers.append("set-cookie", "next-auth.session-token=abc; Path=/; HttpOnly");
    return response;
  },
  staleCsrf: () => Response.json({ url: `${ORIGIN}/api/auth/signin?csrf=true` }),
};

function guard(limits = { attempts: createAttemptLimiter({ perAccountAndClient: 3 }), gate: createHashGate() }) {
  let calls = 0;
  const run = (request: Request, answer: () => Response) =>
    guardCredentialsSignIn(
      request,
      async () => {
        calls++;
        return answer();
      },
      { limits, clientOf: (r) => r.headers.get("x-test-client")! },
    );
  return { run, limits, calls: () => calls };
}

async function formError(response: Response): Promise<string | null> {
  return new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
}

describe("guardCredentialsSignIn", () => {
  it("counts wrong passwords per client and refuses with 429 + Retry-After; the owner elsewhere still signs in", async () => {
    const g = guard();
    for (let i = 0; i < 3; i++) expect((await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong)).status).toBe(401);
    const refused = await g.run(signInRequest({ email: "Ada@Example.com", password: "guess" }), answers.wrong);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await formError(refused)).toBe("TooManyAttempts");
    expect(g.calls()).toBe(3);
    const owner = await g.run(signInRequest({ email: "ada@example.com", password: "right" }, "10.0.0.2"), answers.signedIn);
    expect(owner.status).toBe(200);
  });

  it("a stale CSRF answer is not a success: it does not clear the count", async () => {
    const g = guard();
    for (let i = 0; i < 2; i++) await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong);
    await g.run(signInRequest({ email: "ada@example.com", password: "x" }), answers.staleCsrf);
    await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong);
    expect((await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong)).status).toBe(429);
  });

  it("a real sign-in clears the count", async () => {
    const g = guard();
    for (let i = 0; i < 2; i++) await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong);
    await g.run(signInRequest({ email: "ada@example.com", password: "right" }), answers.signedIn);
    for (let i = 0; i < 2; i++) await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong);
    expect((await g.run(signInRequest({ email: "ada@example.com", password: "guess" }), answers.wrong)).status).toBe(401);
  });

  it("refuses while this client already has a password being checked (429, Retry-After, Busy)", async () => {
    const g = guard();
    const held = g.limits.gate.tryEnter("10.0.0.1")!;
    const busy = await g.run(signInRequest({ email: "ada@example.com", password: "x" }), answers.wrong);
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(await formError(busy)).toBe("Busy");
    expect(g.calls()).toBe(0);
    held();
    expect((await g.run(signInRequest({ email: "ada@example.com", password: "x" }), answers.wrong)).status).toBe(401);
    expect(g.limits.gate.inFlight()).toBe(0);
  });

  it("counts one IPv6 /64 as one client for the password check in flight", async () => {
    const g = guard();
    const held = g.limits.gate.tryEnter(limitKeyOf("2001:db8:1:2::1"))!;
    const sameNetwork = await g.run(signInRequest({ email: "ada@example.com", password: "x" }, "2001:db8:1:2:aaaa::7"), answers.wrong);
    expect(sameNetwork.status).toBe(429);
    expect((await g.run(signInRequest({ email: "ada@example.com", password: "x" }, "2001:db8:1:3::7"), answers.wrong)).status).toBe(401);
    held();
  });

  it("refuses over-long emails and oversized forms before anything is checked or kept", async () => {
    const g = guard();
    const long = await g.run(signInRequest({ email: `${"a".repeat(300)}@example.com`, password: "x" }), answers.wrong);
    expect(long.status).toBe(400);
    expect(((await long.clone().json()) as { error: { code: string } }).error.code).toBe("invalid_credentials_input");
    expect(await formError(long)).toBe("CredentialsSignin");
    const huge = await g.run(signInRequest({ email: "a@example.com", password: "x", filler: "y".repeat(100_000) }), answers.wrong);
    expect(huge.status).toBe(413);
    expect(g.calls()).toBe(0);
    expect(g.limits.attempts.size()).toBe(0);
  });
});
