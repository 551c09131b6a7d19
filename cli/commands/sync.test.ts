import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedConfigYaml } from "@/lib/mapping";
import run, { parseBlueprints } from "./sync";

const dir = mkdtempSync(path.join(tmpdir(), "sync-cli-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const CONFIG = file("config.yml", seedConfigYaml(["users"]));

/** A complete Ocean environment pointing nowhere reachable (these runs stop before any request). */
const ENV: Record<string, string> = {
  OCEAN__PORT__CLIENT_ID: "id",
  OCEAN__PORT__CLIENT_SECRET: "secret",
  OCEAN__INTEGRATION__IDENTIFIER: "entra-id",
  OCEAN__INTEGRATION__CONFIG__BASE_URL: "https://graph.microsoft.com/v1.0",
  OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "bearer_token",
  OCEAN__INTEGRATION__CONFIG__API_TOKEN: "token",
  OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "next_link",
  DATA_DIR: dir,
};

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  for (const [k, v] of Object.entries(ENV)) vi.stubEnv(k, v);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("cli sync: unusable input exits 2 and names what is wrong", () => {
  it.each([
    [{}, ["--config"], /--config needs a value/],
    [{}, ["--config", CONFIG, "--bogus"], /unknown option --bogus/],
    [{}, [], /usage: sync/],
    [{}, ["--config", "/nonexistent.yml"], /cannot read config/],
    [{}, ["--config", file("bad.yml", "resources:\n  - kind: https://evil.example/users\n    selector: {query: 'true'}\n    port: {entity: {mappings: {identifier: .id, blueprint: '\"u\"'}}}\n")], /bad\.yml: .*line 2/],
    [{}, ["--config", CONFIG, "--blueprints", file("bp.json", '[{"identifier":"x y"}]')], /bp\.json \[0\]\.identifier/],
    [{ OCEAN__INTEGRATION__IDENTIFIER: "" }, ["--config", CONFIG], /OCEAN__INTEGRATION__IDENTIFIER is required/],
    [{ OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "skip_token" }, ["--config", CONFIG], /PAGINATION_TYPE must be next_link .*skip_token/],
    [{ OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "basic_auth" }, ["--config", CONFIG], /AUTH_TYPE must be custom .*or bearer_token/],
    [{ OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "custom" }, ["--config", CONFIG], /CUSTOM_AUTH_REQUEST is required with AUTH_TYPE=custom/],
    [{ OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "custom", OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: "{not json" }, ["--config", CONFIG], /CUSTOM_AUTH_REQUEST must be JSON/],
    [{ OCEAN__INTEGRATION__CONFIG__BASE_URL: "https://graph.evil.example/v1.0" }, ["--config", CONFIG], /not an allowed host.*EXTRA_ALLOWED_HOSTS/s],
    [{ OCEAN__PORT__BASE_URL: "https://port.evil.example" }, ["--config", CONFIG], /is not a Port API host/],
  ])("%# %o", async (env, argv, message) => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    expect(await run(argv)).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe("");
  });
});

describe("parseBlueprints", () => {
  it("reads an array or the builder's {blueprints: [...]}", () => {
    const bp = { identifier: "entra-id-user", title: "User", schema: { properties: {} } };
    expect(parseBlueprints(JSON.stringify([bp]), "b.json")[0]!.identifier).toBe("entra-id-user");
    expect(parseBlueprints(JSON.stringify({ blueprints: [bp] }), "b.json")).toHaveLength(1);
    expect(() => parseBlueprints("{}", "b.json")).toThrow(/must hold an array of blueprints/);
  });
});
