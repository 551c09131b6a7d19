/**
 * Hostile mapping YAML: an alias bomb ("billion laughs"), nesting thousands deep, a 10 MB
 * file, a `!!js/function` tag and `__proto__` keys, through the parser, `cli map` and the
 * mapping save route. Each is refused with a message that says what and where, quickly
 * (the parser reads at most 1,000,000 characters), nothing executes or pollutes a
 * prototype, and the route answers a normal request afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import runMap from "@/cli/commands/map";
import { DOCUMENTATION_MAPPING_YAML } from "@/lib/export/fixtures/documentation-page";
import { MAX_CONFIG_CHARS, parsePortAppConfig } from "@/lib/mapping/parse";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { callRoute, sameOriginHeaders } from "./support/route-walk";
import { createUserWithSession, type TestUser } from "./support/sessions";

function billionLaughs(): string {
  const lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
  return `${lines.join("\n")}\nresources: *a9\n`;
}
const DEEP_FLOW = `resources: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
/** As deep as block indentation goes within the size limit (indentation grows with depth). */
const DEEP_BLOCK = `resources:\n${Array.from({ length: 1_400 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`;
/** A valid-looking mapping of ~10 MB: the same resource, many times. */
const TEN_MB = `resources:\n${DOCUMENTATION_MAPPING_YAML.split("resources:\n")[1]!.repeat(Math.ceil(10_500_000 / DOCUMENTATION_MAPPING_YAML.length))}`;
const JS_FUNCTION = `resources:\n  - kind: /users\n    selector:\n      query: !!js/function 'function () { return process.env }'\n`;
const PROTO_KEYS = `__proto__:\n  polluted: yes\nresources:\n  - kind: /users\n    __proto__: {polluted: yes}\n    selector: {query: 'true'}\n    port: {entity: {mappings: {identifier: .id, title: .displayName, blueprint: '"u"', properties: {__proto__: .x}}}}\n`;

describe("hostile YAML in the parser", () => {
  it.each([
    ["an alias bomb", billionLaughs(), "yaml_aliases", /could not be expanded/],
    ["flow nesting 20,000 deep", DEEP_FLOW, "yaml_too_deep", /nested too deeply/],
    ["block nesting 1,400 deep", DEEP_BLOCK, "yaml_too_deep", /nested too deeply/],
    ["a 10 MB mapping", TEN_MB, "config_too_large", /at most 1,000,000 are read/],
    ["a !!js/function tag", JS_FUNCTION, "yaml_tag", /The YAML tag !!js\/function is not allowed/],
  ])("%s: refused with what and where", (_name, text, code, message) => {
    const parsed = parsePortAppConfig(text);
    expect(parsed.config).toBeNull();
    expect(parsed.issues[0]).toMatchObject({ severity: "error", code, message: expect.stringMatching(message), hint: expect.any(String), location: { line: expect.any(Number), column: expect.any(Number) } });
  });

  it("the tag is located on its line; __proto__ keys pollute nothing and reach no model", () => {
    expect(parsePortAppConfig(JS_FUNCTION).issues[0]!.location).toMatchObject({ line: 4, column: 14 });
    expect(TEN_MB.length).toBeGreaterThan(10 * MAX_CONFIG_CHARS);
    const parsed = parsePortAppConfig(PROTO_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const resource = parsed.config?.resources[0];
    expect(resource && Object.getPrototypeOf(resource)).toBe(Object.prototype);
    expect(parsed.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/unknown key "__proto__"/)]));
  });
});

describe("hostile YAML through cli map", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-map-"));
  let err = "";
  beforeAll(() => fs.writeFileSync(path.join(dir, "page.json"), JSON.stringify({ value: [{ id: "u1", displayName: "U1" }] })));
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["bomb.yml", billionLaughs(), /bomb\.yml: The YAML could not be expanded.* \(line 1, column 1\)/],
    ["deep.yml", DEEP_FLOW, /deep\.yml: The YAML is nested too deeply to read: more than 100 levels\. \(line 1, column 111\)/],
    ["ten-mb.yml", TEN_MB, /ten-mb\.yml: The configuration is [\d,]+ characters; at most 1,000,000 are read\. \(line 1, column 1\)/],
    ["tag.yml", JS_FUNCTION, /tag\.yml: The YAML tag !!js\/function is not allowed in a port-app-config\. \(line 4, column 14\)/],
  ])("%s: exit 2 with one line naming the file and the place", async (name, text, line) => {
    err = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    fs.writeFileSync(path.join(dir, name), text);
    expect(await runMap(["--config", path.join(dir, name), "--kind", "/users", "--input", path.join(dir, "page.json")])).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(line);
  });
});

describe("hostile YAML through the mapping save route", () => {
  let database: AppDatabase;
  let owner: TestUser;
  let projectId: string;

  beforeAll(async () => {
    database = openAppDatabase("hostile-mapping");
    const { db } = await import("@/lib/server/db");
    owner = await createUserWithSession("Owner", "admin");
    projectId = (await db().project.create({ data: { name: "Hostile", owner: { connect: { id: owner.id } } } })).id;
  });
  afterAll(() => database.close());

  const save = (version: number, yaml: string) =>
    callRoute({ route: "projects/[id]/mapping/route.ts", method: "PUT", params: { id: projectId }, headers: sameOriginHeaders(owner.cookie), body: JSON.stringify({ version, yaml }) });
  const load = () => callRoute({ route: "projects/[id]/mapping/route.ts", method: "GET", params: { id: projectId }, headers: sameOriginHeaders(owner.cookie) });

  it("refuses a 10 MB mapping with a clear 400, keeps bombs as text without expanding them, and answers the next request", async () => {
    const tooLarge = await save(0, TEN_MB);
    expect(tooLarge.status).toBe(400);
    expect(JSON.stringify(await tooLarge.json())).toMatch(/limited to 1,000,000 characters/);
    expect((await load()).status).toBe(200);

    let version = 0;
    for (const text of [billionLaughs(), DEEP_FLOW, DEEP_BLOCK, JS_FUNCTION, PROTO_KEYS]) {
      const saved = await save(version, text);
      expect(saved.status, text.slice(0, 40)).toBe(200);
      version = ((await saved.json()) as { version: number }).version;
      const loaded = await load();
      expect(loaded.status).toBe(200);
      expect(((await loaded.json()) as { yaml: string }).yaml).toBe(text);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await save(version, DOCUMENTATION_MAPPING_YAML)).status).toBe(200);
  });
});
