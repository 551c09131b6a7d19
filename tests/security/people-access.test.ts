/**
 * People and sharing, through the route handlers as Next calls them with real session
 * cookies: administrators only manage people; a project is a 404 to everyone it is not
 * shared with (every route file walked); a read share can look but every change is a 403
 * that writes nothing; an edit share can edit; removal and demotion apply to the next
 * request; the last administrator stays; an invitation link works once and not after expiry.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { applyMigrations } from "@/lib/server/db/migrate";

const API_DIR = path.resolve(__dirname, "../../app/api");
const PROJECT_DIR = path.join(API_DIR, "projects/[id]");
const ADMIN_DIR = path.join(API_DIR, "admin");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ORIGIN = "http://localhost:3000";

type Handler = (req: Request, ctx: unknown) => Promise<Response>;
type Db = Awaited<ReturnType<typeof loadDb>>;

async function loadDb() {
  return (await import("@/lib/server/db")).db();
}

function listRoutes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRoutes(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

let dataDir: string;
let db: Db;
const ids = { ada: "", bob: "", carol: "", dan: "", project: "" };
const cookies = { ada: "", bob: "", carol: "", dan: "" };

/** Values for the dynamic segments below projects/[id] and admin/. */
function paramsFor(file: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const segment of path.relative(API_DIR, path.dirname(file)).split(path.sep)) {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (!name) continue;
    params[name] = { id: ids.project, kind: "fields", version: "1", runId: "run-1", personId: ids.bob, invitationId: "inv-1" }[name] ?? "x";
  }
  return params;
}

async function call(file: string, method: string, cookie: string, body: unknown = {}, query = ""): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const params = paramsFor(file);
  let url = `${ORIGIN}/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
  for (const [name, value] of Object.entries(params)) url = url.replace(`[${name}]`, value);
  const init: RequestInit = { method, headers: { cookie, "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin" } };
  if (method !== "GET" && method !== "DELETE") init.body = JSON.stringify(body);
  return mod[method]!(new Request(`${url}${query}`, init), { params: Promise.resolve(params) });
}

async function handlersOf(file: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === "function");
}

async function errorCode(res: Response): Promise<string> {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
  } catch {
    return "";
  }
}

const rel = (file: string) => path.relative(API_DIR, file);

/** Everything a project's routes could change, as text. */
async function projectState(): Promise<string> {
  const where = { projectId: ids.project };
  return JSON.stringify([
    await db.project.findUnique({ where: { id: ids.project } }),
    await db.projectDocument.findMany({ where }),
    await db.graphConnection.findMany({ where }),
    await db.portConnection.findMany({ where }),
    await db.sample.findMany({ where }),
    await db.mappingVersion.findMany({ where }),
    await db.syncRun.findMany({ where }),
    await db.syncSchedule.findMany({ where }),
    await db.projectShare.findMany({ where, orderBy: { userId: "asc" } }),
  ]);
}

const projectRoutes = () => listRoutes(PROJECT_DIR).concat(path.join(API_DIR, "projects/[id]/route.ts")).filter((f, i, all) => all.indexOf(f) === i);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-people-access-"));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "app.db")}`;
  resetEnvForTests();
  applyMigrations(path.join(dataDir, "app.db"));
  db = await loadDb();
  const { sessionCookieFor } = await import("@/lib/server/auth/testing");
  const make = (email: string, name: string, role: string) => db.user.create({ data: { email, name, role } }).then((u) => u.id);
  ids.ada = await make("ada@example.com", "Ada", "admin");
  ids.bob = await make("bob@example.com", "Bob", "member");
  ids.carol = await make("carol@example.com", "Carol", "member");
  ids.dan = await make("dan@example.com", "Dan", "member");
  for (const who of ["ada", "bob", "carol", "dan"] as const) cookies[who] = await sessionCookieFor(ids[who]);
  ids.project = (await db.project.create({ data: { name: "Entra", ownerId: ids.ada } })).id;
  await db.projectShare.create({ data: { projectId: ids.project, userId: ids.bob, access: "read" } });
  await db.projectShare.create({ data: { projectId: ids.project, userId: ids.carol, access: "edit" } });
  const ownerPut = await call(path.join(PROJECT_DIR, "connections/port/route.ts"), "PUT", cookies.ada, { mode: "demo" });
  expect(ownerPut.status).toBe(200);
  const doc = await call(path.join(PROJECT_DIR, "documents/[kind]/route.ts"), "PUT", cookies.ada, { version: 0, content: { resources: { "/users": { picked: [".id"], identifier: ".id", title: ".displayName" } } } });
  expect(doc.status).toBe(200);
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
  delete process.env.DATABASE_URL;
  resetEnvForTests();
});

describe("people and project access", () => {
  it("walks the routes (the walk itself works)", () => {
    expect(projectRoutes().map(rel)).toEqual(expect.arrayContaining(["projects/[id]/route.ts", "projects/[id]/shares/route.ts", "projects/[id]/documents/[kind]/route.ts", "projects/[id]/sync/runs/route.ts"]));
    expect(listRoutes(ADMIN_DIR).length).toBeGreaterThanOrEqual(4);
  });

  it("a member reaches no admin route, by any method", async () => {
    const before = JSON.stringify(await db.user.findMany({ orderBy: { id: "asc" } }));
    let calls = 0;
    for (const file of listRoutes(ADMIN_DIR)) {
      for (const method of await handlersOf(file)) {
        const res = await call(file, method, cookies.bob, { email: "x@example.com", name: "X", role: "admin" });
        expect(res.status, `${method} ${rel(file)}`).toBe(403);
        expect(await errorCode(res), `${method} ${rel(file)}`).toBe("admin_only");
        calls++;
      }
    }
    expect(calls).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(await db.user.findMany({ orderBy: { id: "asc" } }))).toBe(before);
    expect(await db.invitation.count()).toBe(0);
  });

  it("someone it is not shared with gets 404 project_not_found from every project route", async () => {
    const before = await projectState();
    let calls = 0;
    for (const file of projectRoutes()) {
      for (const method of await handlersOf(file)) {
        const res = await call(file, method, cookies.dan, {}, "?endpoint=/users");
        expect(res.status, `${method} ${rel(file)}`).toBe(404);
        expect(await errorCode(res), `${method} ${rel(file)}`).toBe("project_not_found");
        calls++;
      }
    }
    expect(calls).toBeGreaterThanOrEqual(35);
    expect(await projectState()).toBe(before);
  });

  it("a read share can GET every project route, but every change is a 403 that writes nothing", async () => {
    const before = await projectState();
    const refused: string[] = [];
    for (const file of projectRoutes()) {
      for (const method of await handlersOf(file)) {
        const query = /samples|fields/.test(rel(file)) ? "?endpoint=/users" : "";
        const res = await call(file, method, cookies.bob, { version: 1, content: { resources: {} }, name: "taken", mode: "demo", email: "dan@example.com", access: "edit", path: "/users", endpoint: "/users" }, query);
        const code = await errorCode(res);
        const where = `${method} ${rel(file)} -> ${res.status} ${code}`;
        if (method === "GET" && !rel(file).startsWith("projects/[id]/shares")) {
          // Looking is allowed: what answers is the route's own reply (a missing sample or run is its 404).
          expect(["project_not_found", "project_read_only", "owner_only"], where).not.toContain(code);
          expect(res.status, where).toBeLessThan(500);
        } else {
          expect(res.status, where).toBe(403);
          expect(["project_read_only", "owner_only"], where).toContain(code);
          refused.push(where);
        }
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(await projectState()).toBe(before);
    const readOnly = await call(path.join(PROJECT_DIR, "mapping/route.ts"), "PUT", cookies.bob, { yaml: "resources: []", baseVersion: 0 });
    expect(await readOnly.json()).toMatchObject({ error: { code: "project_read_only", message: "You can view this project; ask its owner, Ada, for edit access." } });
  });

  it("an edit share can edit, but not rename, delete or reshare", async () => {
    const doc = (await (await call(path.join(PROJECT_DIR, "documents/[kind]/route.ts"), "GET", cookies.carol)).json()) as { version: number };
    const saved = await call(path.join(PROJECT_DIR, "documents/[kind]/route.ts"), "PUT", cookies.carol, { version: doc.version, content: { resources: {} } });
    expect(saved.status).toBe(200);
    expect((await call(path.join(PROJECT_DIR, "connections/port/route.ts"), "PUT", cookies.carol, { mode: "demo" })).status).toBe(200);
    const rename = await call(path.join(API_DIR, "projects/[id]/route.ts"), "PATCH", cookies.carol, { name: "Carol's" });
    expect([rename.status, await errorCode(rename)]).toEqual([403, "owner_only"]);
    const reshare = await call(path.join(PROJECT_DIR, "shares/route.ts"), "PUT", cookies.carol, { email: "dan@example.com", access: "edit" });
    expect([reshare.status, await errorCode(reshare)]).toEqual([403, "owner_only"]);
    expect((await db.project.findUniqueOrThrow({ where: { id: ids.project } })).name).toBe("Entra");
  });

  it("the projects list shows shared projects with the owner's name and the caller's access", async () => {
    const res = await call(path.join(API_DIR, "projects/route.ts"), "GET", cookies.bob);
    expect(((await res.json()) as { projects: unknown[] }).projects).toEqual([expect.objectContaining({ id: ids.project, access: "read", ownerName: "Ada" })]);
    const none = await call(path.join(API_DIR, "projects/route.ts"), "GET", cookies.dan);
    expect(await none.json()).toEqual({ projects: [] });
  });

  it("a demoted administrator loses the admin routes at once; the last administrator cannot be demoted or removed", async () => {
    const { sessionCookieFor } = await import("@/lib/server/auth/testing");
    const eve = (await db.user.create({ data: { email: "eve@example.com", name: "Eve", role: "admin" } })).id;
    const eveCookie = await sessionCookieFor(eve);
    const people = path.join(ADMIN_DIR, "people/route.ts");
    expect((await call(people, "GET", eveCookie)).status).toBe(200);
    const person = path.join(ADMIN_DIR, "people/[personId]/route.ts");
    const demote = async (cookie: string, who: string) => {
      const mod = (await import(/* @vite-ignore */ person)) as Record<string, Handler>;
      return mod.PATCH!(new Request(`${ORIGIN}/api/admin/people/${who}`, { method: "PATCH", body: JSON.stringify({ role: "member" }), headers: { cookie, "content-type": "application/json", origin: ORIGIN } }), { params: Promise.resolve({ personId: who }) });
    };
    expect((await demote(cookies.ada, eve)).status).toBe(200);
    // The same cookie, the next request: no longer an administrator.
    const after = await call(people, "GET", eveCookie);
    expect([after.status, await errorCode(after)]).toEqual([403, "admin_only"]);
    const last = await demote(cookies.ada, ids.ada);
    expect([last.status, await errorCode(last)]).toEqual([409, "last_admin"]);
    const mod = (await import(/* @vite-ignore */ person)) as Record<string, Handler>;
    const removeSelf = await mod.DELETE!(new Request(`${ORIGIN}/api/admin/people/${ids.ada}`, { method: "DELETE", headers: { cookie: cookies.ada, origin: ORIGIN } }), { params: Promise.resolve({ personId: ids.ada }) });
    expect([removeSelf.status, await errorCode(removeSelf)]).toEqual([409, "cannot_remove_self"]);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("a removed person's still-valid session gets 401 on the next request; their projects move to the remover", async () => {
    const { sessionCookieFor } = await import("@/lib/server/auth/testing");
    const fay = (await db.user.create({ data: { email: "fay@example.com", name: "Fay", role: "member" } })).id;
    const fayCookie = await sessionCookieFor(fay);
    const faysProject = (await db.project.create({ data: { name: "Fay's", ownerId: fay } })).id;
    const list = path.join(API_DIR, "projects/route.ts");
    expect((await call(list, "GET", fayCookie)).status).toBe(200);
    const mod = (await import(/* @vite-ignore */ path.join(ADMIN_DIR, "people/[personId]/route.ts"))) as Record<string, Handler>;
    const removed = await mod.DELETE!(new Request(`${ORIGIN}/api/admin/people/${fay}`, { method: "DELETE", headers: { cookie: cookies.ada, origin: ORIGIN } }), { params: Promise.resolve({ personId: fay }) });
    expect(await removed.json()).toEqual({ projectsMoved: 1 });
    expect((await call(list, "GET", fayCookie)).status).toBe(401);
    expect((await db.project.findUniqueOrThrow({ where: { id: faysProject } })).ownerId).toBe(ids.ada);
  });

  it("an invitation link works once, and not after it expires", async () => {
    const invite = path.join(ADMIN_DIR, "invitations/route.ts");
    const created = (await (await call(invite, "POST", cookies.ada, { email: "gus@example.com", name: "Gus" })).json()) as { token: string; path: string };
    expect(created.path).toBe(`/invite/${created.token}`);
    const link = path.join(API_DIR, "invitations/[token]/route.ts");
    const mod = (await import(/* @vite-ignore */ link)) as Record<string, Handler>;
    const hit = (method: string, token: string, body?: unknown) =>
      mod[method]!(
        new Request(`${ORIGIN}/api/invitations/${token}`, { method, headers: { "content-type": "application/json", origin: ORIGIN }, ...(body ? { body: JSON.stringify(body) } : {}) }),
        { params: Promise.resolve({ token }) },
      );
    expect(await (await hit("GET", created.token)).json()).toMatchObject({ invitation: { email: "gus@example.com" } });
    const accepted = await hit("POST", created.token, { name: "Gus", password: "a long password" });
    expect(accepted.status).toBe(201);
    const again = await hit("POST", created.token, { name: "Gus", password: "a long password" });
    expect([again.status, await errorCode(again)]).toEqual([410, "invitation_used"]);
    const second = (await (await call(invite, "POST", cookies.ada, { email: "hal@example.com", name: "Hal" })).json()) as { token: string };
    await db.invitation.update({ where: { email: "hal@example.com" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await hit("POST", second.token, { name: "Hal", password: "a long password" });
    expect([late.status, await errorCode(late)]).toEqual([410, "invitation_expired"]);
    expect(await db.user.count({ where: { email: "hal@example.com" } })).toBe(0);
    const forged = await hit("GET", "not-a-token");
    expect([forged.status, await errorCode(forged)]).toEqual([404, "invitation_not_found"]);
  });
});
