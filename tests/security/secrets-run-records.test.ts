/**
 * A sync whose Port refuses with an answer that echoes the request (the client secret in
 * a refused token request; the Authorization header and body of a refused write) leaves
 * run records (SyncRun failure, errors, summary) that hold neither the secret nor the
 * token. The demo tenant is served on loopback; Port's EU host is answered at the network
 * edge (the global fetch), since a project's own Port connection may only reach Port.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveGraphConnection, savePortConnection } from "@/lib/builder/connections";
import { saveDocument } from "@/lib/builder/documents";
import { saveMapping } from "@/lib/builder/mapping-store";
import { startProjectRun, projectRun } from "@/lib/builder/sync-service";
import { createBuilderTestbed, type BuilderTestbed } from "@/lib/builder/testing";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import { seedConfigYaml } from "@/lib/mapping";
import { seedBlueprints } from "@/lib/schema";
import { projectJobLoader } from "@/lib/sync/project-job";
import { startSyncRunner, type SyncRunner } from "@/lib/sync/runner";

const PORT_SECRET = "PLANTED-run-records-port-secret-Tn8~s";
const PORT_ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJydW4tcmVjb3JkcyJ9.cnVuLXJlY29yZHMtc2lnbmF0dXJl";
const PORT_ORIGIN = "https://api.port.io";

let tb: BuilderTestbed;
let engine: JqEngine;
let runner: SyncRunner;
let refuseToken = true;
const portRequests: string[] = [];
const realFetch = globalThis.fetch;

/** Port as a careless upstream: every refusal quotes what it was sent. */
async function echoingPort(request: Request): Promise<Response> {
  const body = await request.text();
  const authorization = request.headers.get("authorization") ?? "";
  const path = new URL(request.url).pathname;
  portRequests.push(`${request.method} ${path}`);
  if (path === "/v1/auth/access_token") {
    if (refuseToken) return Response.json({ ok: false, error: "unauthorized", message: `Invalid credentials: ${body}` }, { status: 401 });
    return Response.json({ ok: true, accessToken: PORT_ACCESS_TOKEN, expiresIn: 3600, tokenType: "Bearer" });
  }
  return Response.json({ ok: false, error: "invalid_request", message: `Refused ${request.method} ${path} with headers {"authorization":"${authorization}"} and body ${body.slice(0, 300)}` }, { status: 422 });
}

beforeAll(async () => {
  tb = await createBuilderTestbed({ graph: { sizes: { users: 20, groups: 2, applications: 2, servicePrincipals: 2, devices: 0 } } });
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    return request.url.startsWith(`${PORT_ORIGIN}/`) ? echoingPort(request) : realFetch(input, init);
  });
  engine = createNodeJqPool({ size: 1 });
  runner = startSyncRunner({ db: tb.deps.db, loadJob: projectJobLoader({ deps: tb.deps, engine }), pollMs: 60_000 });
});
afterAll(async () => {
  await runner.stop();
  delete (globalThis as { __entraPortSyncRunner?: unknown }).__entraPortSyncRunner;
  vi.unstubAllGlobals();
  await engine.close();
  await tb.close();
});

async function projectWithPortCredentials(): Promise<string> {
  const projectId = await tb.project();
  await saveGraphConnection(tb.deps, tb.alice, projectId, { mode: "demo", clientId: "demo-client" });
  await savePortConnection(tb.deps, tb.alice, projectId, { mode: "credentials", region: "eu", clientId: "port-client", clientSecret: PORT_SECRET });
  const blueprints = seedBlueprints().map((b) => ({ identifier: b.identifier, text: JSON.stringify(b, null, 2) }));
  await saveDocument(tb.deps, tb.alice, projectId, "blueprints", 0, { blueprints, pushed: {} });
  await saveMapping(tb.deps, tb.alice, projectId, { version: 0, yaml: seedConfigYaml(["users"]) });
  return projectId;
}

/** The run once the runner has finished it (startProjectRun's enqueue starts it at once). */
async function finishedRun(projectId: string, runId: string) {
  await runner.idle();
  const run = await projectRun(tb.deps, projectId, runId);
  expect(["queued", "running"]).not.toContain(run.status);
  return run;
}

async function storedRecords(projectId: string): Promise<string> {
  const rows = await tb.deps.db.syncRun.findMany({ where: { projectId } });
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows);
}

describe("run records of a sync whose Port echoes the request", () => {
  it("a refused token request that quotes the client secret: the run fails, and its record does not quote it", async () => {
    refuseToken = true;
    const projectId = await projectWithPortCredentials();
    const run = await finishedRun(projectId, (await startProjectRun(tb.deps, tb.alice, projectId, {})).id);
    expect(run.status).toBe("failed");
    expect(portRequests).toContain("POST /v1/auth/access_token");
    const records = await storedRecords(projectId);
    expect(records).toMatch(/port_auth_failed/);
    expect(records).not.toContain(PORT_SECRET);
  }, 120_000);

  it("refused writes that quote the Authorization header and the body: the record holds neither the token nor the secret", async () => {
    refuseToken = false;
    portRequests.length = 0;
    const projectId = await projectWithPortCredentials();
    const run = await finishedRun(projectId, (await startProjectRun(tb.deps, tb.alice, projectId, {})).id);
    expect(["failed", "partial"]).toContain(run.status);
    expect(portRequests.some((r) => r !== "POST /v1/auth/access_token")).toBe(true);
    const records = await storedRecords(projectId);
    // Port's message is kept (it says which field), with the credential censored.
    expect(records).toMatch(/Refused GET \/v1\/blueprints\/[\w-]+ with headers \{[\\"]+authorization[\\"]+:[\\"]+Bearer \[redacted\]/);
    for (const leaked of [PORT_ACCESS_TOKEN, PORT_SECRET]) expect(records).not.toContain(leaked);
  }, 120_000);
});

describe("a run record's entry for an error that is not the app's own", () => {
  it("keeps the error's text but not a secret it quotes", async () => {
    const { errorEntry } = await import("@/lib/sync/recorder");
    const entry = errorEntry("fetch", new Error(`request to https://login.example/token?client_secret=${PORT_SECRET}&x=1 failed: Bearer ${PORT_ACCESS_TOKEN}`));
    expect(entry.message).toContain("request to https://login.example/token");
    expect(entry.message).not.toContain(PORT_SECRET);
    expect(entry.message).not.toContain(PORT_ACCESS_TOKEN);
  });
});
