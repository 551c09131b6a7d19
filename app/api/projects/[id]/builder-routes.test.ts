/**
 * The builder's project routes, called as Next calls them with real session cookies:
 * secrets planted in a project's connections never come back in any answer or log line,
 * and another user's session reaches none of the project's data by any route or method.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { applyMigrations } from "@/lib/server/db/migrate";

const ROUTES_DIR = path.resolve(__dirname);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const GRAPH_SECRET = "PLANTED-graph-secret-Zq8~value";
const PORT_SECRET = "PLANTED-port-secret-Xy7~value";
const TOKEN_SECRET = "PLANTED.bearer.token";

function listRoutes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRoutes(full);
    return entry.name === "route.ts" ? [path.relative(ROUTES_DIR, full)] : [];
  });
}

type Handler = (req: Request, ctx: unknown) => Promise<Response>;

let dataDir: string;
let alice: string;
let bob: string;
let projectId: string;
const logged: string[] = [];
let restoreWrites: () => void;

async function call(route: string, method: string, cookie: string, body?: unknown, query = ""): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route))) as Record<string, Handler>;
  const dir = path.dirname(route) === "." ? "" : `/${path.dirname(route).split(path.sep).join("/")}`;
  const kind = /\[kind\]/.test(route) ? "fields" : undefined;
  const url = `http://localhost:3000/api/projects/${projectId}${dir.replace("[kind]", kind ?? "")}${query}`;
  const init: RequestInit = { method, headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return mod[method]!(new Request(url, init), { params: Promise.resolve({ id: projectId, ...(kind ? { kind } : {}) }) });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-builder-routes-"));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "app.db")}`;
  process.env.LOG_LEVEL = "debug";
  resetEnvForTests();
  applyMigrations(path.join(dataDir, "app.db"));
  const { db } = await import("@/lib/server/db");
  alice = (await db().user.create({ data: { email: "alice@example.com", name: "Alice" } })).id;
  bob = (await db().user.create({ data: { email: "bob@example.com", name: "Bob" } })).id;
  projectId = (await db().project.create({ data: { name: "Entra", ownerId: alice } })).id;
  // Everything the process writes while the routes run (pino writes to stdout/stderr).
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (logged.push(String(chunk)), out(chunk as string, ...(rest as []))) ) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => (logged.push(String(chunk)), err(chunk as string, ...(rest as []))) ) as typeof process.stderr.write;
  restoreWrites = () => {
    process.stdout.write = out;
    process.stderr.write = err;
  };
});

afterAll(() => {
  restoreWrites();
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
  delete process.env.DATABASE_URL;
  delete process.env.LOG_LEVEL;
  resetEnvForTests();
});

const routes = listRoutes(ROUTES_DIR);

describe("builder routes", () => {
  it("walks the project's routes (the walk itself works)", () => {
    expect(routes).toEqual(expect.arrayContaining(["connections/route.ts", "connections/graph/route.ts", "explore/route.ts", "samples/route.ts", "documents/[kind]/route.ts", "status/route.ts"]));
  });

  it("never answers or logs a planted secret", async () => {
    const { sessionCookieFor } = await import("@/lib/server/auth/testing");
    const cookie = await sessionCookieFor(alice);
    const answers: string[] = [];
    const keep = async (res: Response) => {
      answers.push(`${res.status} ${await res.text()}`);
      return res;
    };
    await keep(await call("connections/graph/route.ts", "PUT", cookie, { mode: "token", cloud: "global", token: TOKEN_SECRET }));
    await keep(await call("connections/graph/route.ts", "PUT", cookie, {
      mode: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "11111111-2222-3333-4444-555555555555", clientSecret: GRAPH_SECRET,
    }));
    await keep(await call("connections/port/route.ts", "PUT", cookie, { mode: "credentials", region: "eu", clientId: "port-client", clientSecret: PORT_SECRET }));
    // A bad save echoes nothing of what was sent either.
    await keep(await call("connections/graph/route.ts", "PUT", cookie, { mode: "client_credentials", cloud: "moon", tenantId: "x", clientId: "y", clientSecret: GRAPH_SECRET }));
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route))) as Record<string, unknown>;
      if (typeof mod.GET === "function") await keep(await call(route, "GET", cookie));
    }
    expect(answers.length).toBeGreaterThan(6);
    expect(answers.some((a) => a.includes('"clientSecret":"set"'))).toBe(true);
    const everything = [...answers, ...logged].join("\n");
    for (const secret of [GRAPH_SECRET, PORT_SECRET, TOKEN_SECRET]) expect(everything).not.toContain(secret);
    // And the database holds them only encrypted: the file and its journal (-wal, -shm).
    const files = fs.readdirSync(dataDir).filter((name) => name.startsWith("app.db"));
    expect(files).toContain("app.db");
    for (const name of files) {
      const bytes = fs.readFileSync(path.join(dataDir, name));
      for (const secret of [GRAPH_SECRET, PORT_SECRET, TOKEN_SECRET]) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${name}`).toBe(false);
    }
  });

  it("gives another user's session nothing of the project, by any route or method", async () => {
    const { sessionCookieFor } = await import("@/lib/server/auth/testing");
    const own = await sessionCookieFor(alice);
    const other = await sessionCookieFor(bob);
    await call("connections/port/route.ts", "PUT", own, { mode: "demo" });
    await call("documents/[kind]/route.ts", "PUT", own, { version: 0, content: { resources: { "/users": { picked: [".id"], identifier: ".id", title: ".displayName" } } } });
    const before = await (await call("connections/route.ts", "GET", own)).text();
    const bodies: Record<string, unknown> = {
      "connections/graph/route.ts": { mode: "demo", clientId: "demo-client" },
      "connections/port/route.ts": { mode: "demo" },
      "explore/route.ts": { path: "/users" },
      "explore/next/route.ts": { endpoint: "/users" },
      "explore/fetch-all/route.ts": { path: "/users", maxPages: 1 },
      "documents/[kind]/route.ts": { version: 1, content: { resources: {} } },
      "route.ts": { name: "taken over" },
    };
    let calls = 0;
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route))) as Record<string, unknown>;
      for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
        const res = await call(route, method, other, method === "GET" || method === "DELETE" ? undefined : (bodies[route] ?? {}), route === "samples/route.ts" || route === "fields/route.ts" ? "?endpoint=/users" : "");
        expect(res.status, `${method} ${route}`).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code, `${method} ${route}`).toBe("project_not_found");
        calls++;
      }
    }
    expect(calls).toBeGreaterThanOrEqual(15);
    expect(await (await call("connections/route.ts", "GET", own)).text()).toBe(before);
    const doc = (await (await call("documents/[kind]/route.ts", "GET", own)).json()) as { version: number };
    expect(doc.version).toBe(1);
  });
});
