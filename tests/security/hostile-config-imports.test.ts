/**
 * Imported files of the wrong kind or shape, through `cli import` and the import route:
 * a PNG, a zip bomb, a blueprints file given as the mapping (and the other way round), a
 * YAML `!!js/function` tag, JSON with `__proto__` keys, a blueprints file over 5 MB,
 * blueprints with wrong types. Each is refused with one clear error that names the file
 * and the place, nothing is written, no prototype is polluted, and the server answers the
 * next request. Blueprints whose relations form a cycle are valid: the export splits them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import runImport from "@/cli/commands/import";
import { analyseImport } from "@/lib/export/import";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_MAPPING_YAML } from "@/lib/export/fixtures/documentation-page";
import { exportProject } from "@/lib/export";
import { sampleInput } from "@/lib/export/testing";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { rowCount, snapshotDatabase } from "./support/db-snapshot";
import { callRoute, sameOriginHeaders } from "./support/route-walk";
import { createUserWithSession, type TestUser } from "./support/sessions";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.alloc(3000, 0xa7)]);
/** 100 MB of zeros, compressed to ~100 kB: must never be inflated. */
const ZIP_BOMB = Buffer.from(zipSync({ "blueprints.json": new Uint8Array(100_000_000) }, { level: 9 }));
const JS_FUNCTION = `resources:\n  - kind: /users\n    selector:\n      query: !!js/function 'function () { return process.env }'\n    port: {entity: {mappings: {identifier: .id, title: .displayName, blueprint: '"entra-id-user"'}}}\n`;
const PROTO_BLUEPRINTS = JSON.stringify(JSON.parse(DOCUMENTATION_BLUEPRINTS_JSON)).replace('"schema":{"properties":{', '"schema":{"properties":{"__proto__":{"type":"string","title":"Polluter","polluted":true},');
const WRONG_TYPES = '[{"identifier": 5, "title": ["x"], "schema": {"properties": {"a": {"type": "spaceship", "title": "A"}}}, "relations": "none"}]';
const OVER_5_MB = JSON.stringify([{ identifier: "big", title: "Big", schema: { properties: Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`property${i}`, { type: "string", title: `Property ${i}` }])) } }]);

type Case = { name: string; config: string | Buffer; blueprints: string | Buffer; message: RegExp };
const CASES: Case[] = [
  { name: "a PNG as the mapping", config: PNG, blueprints: DOCUMENTATION_BLUEPRINTS_JSON, message: /mapping YAML \(line 1, column 1\): The mapping YAML is not text: it looks like a PNG image/ },
  { name: "a zip bomb as the blueprints", config: DOCUMENTATION_MAPPING_YAML, blueprints: ZIP_BOMB, message: /blueprints JSON \(line 1, column 1\): The blueprints JSON is not text: it looks like a zip archive/ },
  { name: "the blueprints file as the mapping", config: DOCUMENTATION_BLUEPRINTS_JSON, blueprints: DOCUMENTATION_BLUEPRINTS_JSON, message: /The mapping YAML is a blueprints JSON \(blueprints entra-id-application, .*\), not a port-app-config/ },
  { name: "the mapping as the blueprints", config: DOCUMENTATION_MAPPING_YAML, blueprints: DOCUMENTATION_MAPPING_YAML, message: /The blueprints JSON is a port-app-config \(it has resources:\), not blueprints/ },
  { name: "a !!js/function tag", config: JS_FUNCTION, blueprints: DOCUMENTATION_BLUEPRINTS_JSON, message: /mapping YAML \(line 4, column 14\): The YAML tag !!js\/function is not allowed/ },
  { name: "a __proto__ key", config: DOCUMENTATION_MAPPING_YAML, blueprints: PROTO_BLUEPRINTS, message: /blueprints JSON \(line 1, column \d+\): \[0\]\.schema\.properties\.__proto__: the key "__proto__" is not allowed/ },
  { name: "blueprints with wrong types", config: DOCUMENTATION_MAPPING_YAML, blueprints: WRONG_TYPES, message: /blueprints JSON \(line 1, column 3\): \[0\]\.identifier: must be a string/ },
  { name: "a blueprints file over 5 MB", config: DOCUMENTATION_MAPPING_YAML, blueprints: OVER_5_MB, message: /The blueprints JSON is [\d,]+ characters; at most 5,000,000 are read/ },
];

const asText = (file: string | Buffer) => (typeof file === "string" ? file : file.toString("utf8"));
const unpolluted = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
};

describe("imports of the wrong kind, through cli import", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-import-"));
  let err = "";
  let t: TestDatabase;
  const saved = { ...process.env };
  beforeEach(async () => {
    err = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    t = await createTestDatabase();
    process.env.DATABASE_URL = t.url;
    process.env.DATA_DIR = path.join(dir, "data");
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    process.env = { ...saved };
    await t.cleanup();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)("$name: exit 2, one line naming the file and the place, no project", async ({ name, config, blueprints, message }) => {
    await t.db.user.create({ data: { email: "admin@example.com", name: "Admin" } });
    const slug = name.replace(/\W+/g, "-");
    fs.writeFileSync(path.join(dir, `${slug}.config`), config);
    fs.writeFileSync(path.join(dir, `${slug}.blueprints`), blueprints);
    expect(await runImport(["--project", "New", "--config", path.join(dir, `${slug}.config`), "--blueprints", path.join(dir, `${slug}.blueprints`)])).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^nothing imported: /);
    expect(err).toMatch(message);
    expect(await t.db.project.count()).toBe(0);
    unpolluted();
  }, 60_000);
});

describe("imports of the wrong kind, through the import route", () => {
  let database: AppDatabase;
  let owner: TestUser;
  let projectId: string;
  beforeAll(async () => {
    database = openAppDatabase("hostile-import");
    const { db } = await import("@/lib/server/db");
    owner = await createUserWithSession("Owner", "admin");
    projectId = (await db().project.create({ data: { name: "Target", owner: { connect: { id: owner.id } } } })).id;
  });
  afterAll(() => database.close());

  const post = (body: unknown) =>
    callRoute({ route: "projects/[id]/import/route.ts", method: "POST", params: { id: projectId }, headers: sameOriginHeaders(owner.cookie), body: JSON.stringify(body) });

  it("refuses each with a 4xx naming the file and the place, writes nothing, and still imports a good pair afterwards", async () => {
    const before = snapshotDatabase(database.file);
    for (const c of CASES) {
      const answer = await post({ configYaml: asText(c.config), blueprintsJson: asText(c.blueprints) });
      expect(answer.status, c.name).toBeGreaterThanOrEqual(400);
      expect(answer.status, c.name).toBeLessThan(500);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      expect(error.message, c.name).toMatch(c.name === "a blueprints file over 5 MB" ? /limited to 5,000,000 characters/ : c.message);
      unpolluted();
    }
    // A body that is not JSON at all (the PNG's bytes as the request).
    const raw = await callRoute({ route: "projects/[id]/import/route.ts", method: "POST", params: { id: projectId }, headers: sameOriginHeaders(owner.cookie), body: PNG.toString("latin1") });
    expect(raw.status).toBe(400);
    expect(snapshotDatabase(database.file)).toEqual(before);
    expect(rowCount(before)).toBeGreaterThan(0);

    const good = await post({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON });
    expect(good.status).toBe(200);
  }, 120_000);
});

describe("the integration config", () => {
  it("an alias bomb or nesting 40,000 deep is an error of that file, not a crash", () => {
    const lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
    for (const [integrationConfig, message, location] of [
      [lines.join("\n"), /^The integration config could not be expanded: Excessive alias count/, null],
      // The 100th bracket is level 101: refused there, before anything is composed.
      [`a: ${"[".repeat(40_000)}${"]".repeat(40_000)}`, /^The integration config is nested too deeply to read: more than 100 levels\.$/, { line: 1, column: 3 + 100 }],
    ] as const) {
      const analysis = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON, integrationConfig });
      expect(analysis.ok).toBe(false);
      expect(analysis.problems.find((p) => p.severity === "error")).toMatchObject({ file: "integration", code: "integration_unreadable", message: expect.stringMatching(message), location: location ?? expect.anything() });
    }
  });
});

describe("blueprints whose relations form a cycle", () => {
  it("are imported, and the export creates them in two passes", () => {
    const cycle = JSON.stringify([
      { identifier: "team", title: "Team", schema: { properties: {} }, relations: { lead: { target: "person", title: "Lead", required: false, many: false } } },
      { identifier: "person", title: "Person", schema: { properties: {} }, relations: { team: { target: "team", title: "Team", required: false, many: false }, manager: { target: "person", title: "Manager", required: false, many: false } } },
    ]);
    const analysis = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: cycle });
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    const { artefacts } = exportProject({ ...sampleInput({ kind: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "c" }), blueprints: analysis.blueprints! }, { region: "eu", identifier: "entra-id", secrets: "chart-secret" });
    expect(artefacts.find((a) => a.id === "blueprints")!.description).toMatch(/form a cycle: create them with blueprints-split\.json/);
  });
});
