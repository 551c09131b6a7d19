import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { GET as tokenGET, POST as tokenPOST } from "../../login/[tenant]/oauth2/v2.0/token/route";
import { GET } from "./route";

const saved = { SIMULATORS: process.env.SIMULATORS, DATA_DIR: process.env.DATA_DIR, DEMO_TENANT_PUBLIC_URL: process.env.DEMO_TENANT_PUBLIC_URL };
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-route-"));
  process.env.DATA_DIR = dir;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

function withSimulators(value: string) {
  process.env.SIMULATORS = value;
  resetEnvForTests();
}

async function demoToken(): Promise<string> {
  const res = await tokenPOST(
    new Request("http://localhost:3000/api/sim/login/contoso-demo/oauth2/v2.0/token", {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "demo-client", client_secret: "demo-secret", scope: "https://graph.microsoft.com/.default" }),
    }),
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

type Links = { "@odata.context": string; "@odata.nextLink"?: string; "@odata.deltaLink"?: string; error?: { code: string; message: string } };

describe("demo tenant routes", () => {
  it("serve the demo tenant with its own token checks and links under /api/sim", async () => {
    withSimulators("on");
    const unauth = await GET(new Request("http://localhost:3000/api/sim/graph/v1.0/users"));
    expect(unauth.status).toBe(401);
    const tokenRes = await tokenPOST(
      new Request("http://localhost:3000/api/sim/login/contoso-demo/oauth2/v2.0/token", {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: "demo-client", client_secret: "demo-secret", scope: "https://graph.microsoft.com/.default" }),
      }),
    );
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await GET(new Request("http://localhost:3000/api/sim/graph/v1.0/users?$top=5", { headers: { authorization: `Bearer ${access_token}` } }));
    const body = (await res.json()) as { value: unknown[]; "@odata.nextLink": string };
    expect(body.value.length).toBe(5);
    expect(body["@odata.nextLink"].startsWith("http://localhost:3000/api/sim/graph/v1.0/users?$top=5&$skiptoken=")).toBe(true);
    expect((await tokenGET(new Request("http://localhost:3000/api/sim/login/contoso-demo/oauth2/v2.0/token"))).status).toBe(405);
  });

  it("build links on the origin the client called, or on DEMO_TENANT_PUBLIC_URL behind a proxy", async () => {
    withSimulators("on");
    delete process.env.DEMO_TENANT_PUBLIC_URL;
    const authorization = `Bearer ${await demoToken()}`;
    // Next hands a route handler a URL on its own listening address (localhost:3000),
    // whatever name the client used: an Ocean container calling http://builder:3000.
    const call = async (path: string, host?: string) => {
      const headers: Record<string, string> = { authorization, ...(host ? { host } : {}) };
      const res = await GET(new Request(`http://localhost:3000/api/sim/graph/v1.0${path}`, { headers }));
      return { status: res.status, body: (await res.json()) as Links };
    };
    const page = await call("/users?$top=2", "builder:3000");
    expect(page.body["@odata.nextLink"]).toMatch(/^http:\/\/builder:3000\/api\/sim\/graph\/v1\.0\/users\?\$top=2&\$skiptoken=/);
    expect(page.body["@odata.context"]).toBe("http://builder:3000/api/sim/graph/v1.0/$metadata#users");
    expect((await call(page.body["@odata.nextLink"]!.slice("http://builder:3000/api/sim/graph/v1.0".length), "builder:3000")).status).toBe(200);
    const round = await call("/applications/delta?$select=id", "builder:3000");
    expect(round.body["@odata.nextLink"] ?? round.body["@odata.deltaLink"]).toMatch(/^http:\/\/builder:3000\/api\/sim\/graph\/v1\.0\/applications\/delta\?/);
    // A Host that is not a plain host[:port] is not echoed into links.
    expect((await call("/users?$top=2", "evil.example/x?")).body["@odata.nextLink"]).toMatch(/^http:\/\/localhost:3000\//);

    process.env.DEMO_TENANT_PUBLIC_URL = "https://builder.example.com/";
    expect((await call("/users?$top=2", "10.0.0.5:3000")).body["@odata.nextLink"]).toMatch(/^https:\/\/builder\.example\.com\/api\/sim\/graph\/v1\.0\/users\?\$top=2&/);
    process.env.DEMO_TENANT_PUBLIC_URL = "ftp://builder.example.com";
    const misconfigured = await call("/users?$top=2");
    expect([misconfigured.status, misconfigured.body.error]).toEqual([
      500,
      { code: "invalid_configuration", message: "DEMO_TENANT_PUBLIC_URL must be an http(s) URL such as https://builder.example.com.", hint: "Fix or unset DEMO_TENANT_PUBLIC_URL and restart the app." },
    ]);
    delete process.env.DEMO_TENANT_PUBLIC_URL;
  });

  it("are gone with SIMULATORS=off", async () => {
    withSimulators("off");
    expect((await GET(new Request("http://localhost:3000/api/sim/graph/v1.0/users"))).status).toBe(404);
    expect((await tokenPOST(new Request("http://localhost:3000/api/sim/login/contoso-demo/oauth2/v2.0/token", { method: "POST" }))).status).toBe(404);
  });
});
