import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_INTEGRATION_CONFIG_YAML, DOCUMENTATION_MAPPING_YAML } from "@/lib/export/fixtures/documentation-page";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import run from "./import";

const dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const CONFIG = file("port-app-config.yml", DOCUMENTATION_MAPPING_YAML);
const BLUEPRINTS = file("blueprints.json", DOCUMENTATION_BLUEPRINTS_JSON);
const INTEGRATION = file("integration.yml", DOCUMENTATION_INTEGRATION_CONFIG_YAML);

let out = "";
let err = "";
let t: TestDatabase;
const savedEnv = { ...process.env };
beforeEach(async () => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.DATA_DIR = path.join(dir, "data");
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  await t.cleanup();
});

describe("cli import", () => {
  it("imports the documentation page into a new project of the only user, with the lints at once; again into the same project", async () => {
    const user = await t.db.user.create({ data: { email: "admin@example.com", name: "Admin" } });
    expect(await run(["--project", "Docs page", "--config", CONFIG, "--blueprints", BLUEPRINTS, "--integration-config", INTEGRATION])).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^imported into new project "Docs page" \(\w+\): mapping version 1, 4 blueprints \(entra-id-application, entra-id-service-principal, entra-id-user, entra-id-group\)\n/);
    expect(out).toMatch(/error pagination_skip_token integration\.config\.paginationType: paginationType "skip_token"/);
    expect(out).toMatch(/warning expand_member_cap resources\[1\]\.selector\.query_params\.\$expand line \d+, column \d+/);
    expect(out).toMatch(/field_not_returned_by_default .*\.department/);
    const project = await t.db.project.findFirstOrThrow({ where: { name: "Docs page" } });
    expect(project.ownerId).toBe(user.id);

    out = "";
    expect(await run(["--project", project.id, "--config", CONFIG, "--blueprints", BLUEPRINTS])).toBe(0);
    expect(out).toMatch(/^imported into project "Docs page" .*mapping version 2/);
    expect(await t.db.project.count()).toBe(1);
  });

  it("a refused file changes nothing and creates no project", async () => {
    await t.db.user.create({ data: { email: "admin@example.com", name: "Admin" } });
    const bad = file("bad.json", '[{"identifier": "x", "title": "X", "schema": {"properties": {}}, "relations": {"r": {}}}]');
    expect(await run(["--project", "New", "--config", CONFIG, "--blueprints", bad])).toBe(2);
    expect(err).toMatch(/^nothing imported: blueprints JSON \(line 1, column \d+\): \[0\]\.relations\.r\.target/);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(await t.db.project.count()).toBe(0);
  });

  it("needs --owner when several people could own the new project", async () => {
    await t.db.user.create({ data: { email: "a@example.com", name: "A" } });
    const b = await t.db.user.create({ data: { email: "b@example.com", name: "B" } });
    expect(await run(["--project", "P", "--config", CONFIG, "--blueprints", BLUEPRINTS])).toBe(2);
    expect(err).toMatch(/name the project's owner with --owner EMAIL/);
    err = "";
    expect(await run(["--project", "P", "--config", CONFIG, "--blueprints", BLUEPRINTS, "--owner", "B@example.com"])).toBe(0);
    expect((await t.db.project.findFirstOrThrow({ where: { name: "P" } })).ownerId).toBe(b.id);
  });

  it.each([
    [["--config", CONFIG, "--blueprints", BLUEPRINTS], /usage: import/],
    [["--project", "p", "--config", "/missing.yml", "--blueprints", BLUEPRINTS], /cannot read config/],
    [["--project", "p", "--config", CONFIG, "--blueprints", BLUEPRINTS, "--x"], /unknown option --x/],
  ])("exits 2 with one line for unusable input %#", async (argv, message) => {
    expect(await run(argv as string[])).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
