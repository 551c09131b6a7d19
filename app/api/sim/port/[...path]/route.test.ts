/** The demo Port's Next route: off (404) when SIMULATORS=off, without touching the database. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { GET, POST } from "./route";

let dataDir: string;
const saved = { DATA_DIR: process.env.DATA_DIR, SIMULATORS: process.env.SIMULATORS };

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-simport-"));
  process.env.DATA_DIR = dataDir;
  process.env.SIMULATORS = "off";
  resetEnvForTests();
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
});

it("answers 404 for every path, token endpoint included, when simulators are off", async () => {
  const token = await POST(new Request("http://localhost/api/sim/port/v1/auth/access_token", { method: "POST", body: "{}" }));
  expect(token.status).toBe(404);
  const list = await GET(new Request("http://localhost/api/sim/port/v1/blueprints"));
  expect(list.status).toBe(404);
  expect(await list.json()).toMatchObject({ ok: false, error: "not_found" });
});
