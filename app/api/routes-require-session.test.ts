/**
 * Every route handler under app/api must refuse a request without a session, so a new
 * route cannot forget it. Deliberately public routes are listed here with the reason;
 * the simulators' routes are public to the app but check their own bearer tokens, so
 * without one they must answer 401 too (only their token endpoints are open).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { applyMigrations } from "@/lib/server/db/migrate";

const API_DIR = path.resolve(__dirname);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** route (relative to app/api) -> why it needs no session. */
const PUBLIC: Record<string, string> = {
  "health/route.ts": "health check for load balancers",
  "setup/route.ts": "first-run creation of the administrator (closed once a user exists)",
  "auth/[...nextauth]/route.ts": "next-auth's sign-in endpoints",
  "invitations/[token]/route.ts": "accepting an invitation: the one-time link (256 random bits, stored hashed, expiring) is the credential",
  "sim/login/[tenant]/oauth2/v2.0/token/route.ts": "the demo tenant's token endpoint (checks client credentials)",
};

function listRoutes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRoutes(full);
    return entry.name === "route.ts" ? [path.relative(API_DIR, full)] : [];
  });
}

/** A URL and params that fit the route's dynamic segments. */
function requestFor(route: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .dirname(route)
    .split(path.sep)
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        params[catchAll[1]!] = ["v1.0", "users"];
        return "v1.0/users";
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic) {
        params[dynamic[1]!] = "some-id";
        return "some-id";
      }
      return segment;
    });
  return { url: `http://localhost/api/${segments.join("/")}`, params };
}

let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-routes-"));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "app.db")}`;
  resetEnvForTests();
  applyMigrations(path.join(dataDir, "app.db"));
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
  delete process.env.DATABASE_URL;
  resetEnvForTests();
});

const routes = listRoutes(API_DIR);

describe("every app/api route requires a session", () => {
  it("finds the route handlers (the walk itself works)", () => {
    expect(routes).toContain("projects/route.ts");
    expect(routes).toContain("projects/[id]/route.ts");
  });

  for (const route of routes.filter((r) => !(r in PUBLIC))) {
    it(`${route} answers 401 without a session`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(API_DIR, route))) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => typeof mod[m] === "function");
      expect(handlers.length, `${route} exports no HTTP handler`).toBeGreaterThan(0);
      for (const method of handlers) {
        const { url, params } = requestFor(route);
        const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ name: "x" });
        const handler = mod[method] as (req: Request, ctx: unknown) => Promise<Response>;
        const response = await handler(new Request(url, { method, body, headers: { "content-type": "application/json" } }), {
          params: Promise.resolve(params),
        });
        expect(response.status, `${method} ${route}`).toBe(401);
      }
    });
  }

  it("a forged session cookie is refused too", async () => {
    const mod = await import("./projects/route");
    const response = await mod.GET(new Request("http://localhost/api/projects", { headers: { cookie: "next-auth.session-token=forged" } }), {});
    expect(response.status).toBe(401);
  });

  it("a valid session is let through; an expired, id-less or signed-out one is not", async () => {
    const { encode } = await import("next-auth/jwt");
    const { env } = await import("@/lib/server/env");
    const { db } = await import("@/lib/server/db");
    const { sessionCookieFor } = await import("@/lib/server/auth/testing");
    const { revokeSession } = await import("@/lib/server/auth/revocation");
    const user = await db().user.create({ data: { email: "s@example.com", name: "S" } });
    const mod = await import("./projects/route");
    const call = (cookie: string) => mod.GET(new Request("http://localhost/api/projects", { headers: { cookie } }), {});
    const ok = await call(await sessionCookieFor(user.id, { sessionId: "session-1" }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ projects: [] });
    expect((await call(await sessionCookieFor(user.id, { maxAgeSeconds: -120 }))).status).toBe(401);
    // A token without a session id cannot be signed out, so it is not accepted.
    const idless = await encode({ token: { sub: user.id }, secret: env().NEXTAUTH_SECRET, maxAge: 3600 });
    expect((await call(`next-auth.session-token=${idless}`)).status).toBe(401);
    // Signed out: every copy of that session's cookie is refused, other sessions are not.
    await revokeSession(db(), "session-1", 3600);
    expect((await call(await sessionCookieFor(user.id, { sessionId: "session-1" }))).status).toBe(401);
    expect((await call(await sessionCookieFor(user.id, { sessionId: "session-2" }))).status).toBe(200);
    await db().user.delete({ where: { id: user.id } });
    // A token for a user who no longer exists is refused.
    expect((await call(await sessionCookieFor(user.id))).status).toBe(401);
  });

  it("the public list names only routes that exist", () => {
    for (const route of Object.keys(PUBLIC).filter((r) => !r.startsWith("sim/"))) expect(routes).toContain(route);
  });
});
