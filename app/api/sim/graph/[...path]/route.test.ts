import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { GET as tokenGET, POST as tokenPOST } from "../../login/[tenant]/oauth2/v2.0/token/route";
import { GET } from "./route";

const saved = { SIMULATORS: process.env.SIMULATORS, DATA_DIR: process.env.DATA_DIR };
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

  it("are gone with SIMULATORS=off", async () => {
    withSimulators("off");
    expect((await GET(new Request("http://localhost:3000/api/sim/graph/v1.0/users"))).status).toBe(404);
    expect((await tokenPOST(new Request("http://localhost:3000/api/sim/login/contoso-demo/oauth2/v2.0/token", { method: "POST" }))).status).toBe(404);
  });
});
