import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_MAPPING_YAML } from "@/lib/export/fixtures/documentation-page";
import { analyseImport } from "@/lib/export/import";
import { encryptSecret } from "@/lib/server/secrets";
import { createTestDatabase } from "@/lib/server/db/test-db";
import run from "./export";

const dir = mkdtempSync(path.join(tmpdir(), "export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const CONFIG = file("port-app-config.yml", DOCUMENTATION_MAPPING_YAML);
const BLUEPRINTS = file("blueprints.json", DOCUMENTATION_BLUEPRINTS_JSON);

let out = "";
let err = "";
const savedEnv = { ...process.env };
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
});

const outDir = (name: string) => path.join(dir, name);
const read = (d: string, f: string) => readFileSync(path.join(d, f), "utf8");

describe("cli export", () => {
  it("writes every artefact from files and lists them; the mapping reads back as the same model", async () => {
    const target = outDir("files");
    const code = await run(["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", target, "--region", "us", "--tenant-id", "contoso.onmicrosoft.com", "--client-id", "app-1"]);
    expect(err.trim().split("\n").filter((l) => !/^(warning|to fill in):/.test(l))).toEqual([]);
    expect(code).toBe(0);
    const listed = out.trim().split("\n").map((l) => path.basename(l.split("\t")[0]!));
    expect(listed.sort()).toEqual(readdirSync(target).sort());
    expect(listed).toEqual(expect.arrayContaining(["port-app-config.yml", "blueprints.json", "helm-install.sh", "values.yaml", "kubernetes-secret.yaml", "docker-run.sh", "ocean.env", "argocd-application.yaml", "github-workflow.yml", "apply-to-port.sh", "README.md"]));
    expect(statSync(path.join(target, "helm-install.sh")).mode & 0o777).toBe(0o755);
    const again = analyseImport({ configYaml: read(target, "port-app-config.yml"), blueprintsJson: read(target, "blueprints.json") });
    expect(again.config).toEqual(analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: "[]" }).config);
    expect(read(target, "helm-install.sh")).toContain("port.baseUrl=https://api.us.port.io");
    expect(read(target, "ocean.env")).toContain("login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    expect(err).toMatch(/to fill in: <PORT_CLIENT_ID>, <PORT_CLIENT_SECRET>, <GRAPH_CLIENT_SECRET>/);
  });

  it("inline takes the values from the environment and keeps the files to their owner", async () => {
    process.env.PORT_CLIENT_SECRET = "port-secret-from-env";
    const target = outDir("inline");
    expect(await run(["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", target, "--graph-auth", "bearer-token", "--secrets", "inline", "--cloud", "usgov"])).toBe(0);
    expect(read(target, "helm-install.sh")).toContain("port.clientSecret=port-secret-from-env");
    expect(statSync(path.join(target, "values.yaml")).mode & 0o777).toBe(0o600);
    expect(parse(read(target, "values.yaml")).integration.config).toMatchObject({ authType: "bearer_token", baseUrl: "https://graph.microsoft.us/v1.0" });
    expect(err).toMatch(/warning: Graph is reached with a pasted bearer token/);
  });

  it("exports a saved project from the database: its mapping, blueprints, connection and, for inline, its stored secrets", async () => {
    const t = await createTestDatabase();
    try {
      const key = Buffer.alloc(32, 9);
      const owner = await t.db.user.create({ data: { email: "a@example.com", name: "A" } });
      const project = await t.db.project.create({ data: { name: "Contoso", ownerId: owner.id } });
      await t.db.projectDocument.create({ data: { projectId: project.id, kind: "mapping", content: JSON.stringify({ yaml: DOCUMENTATION_MAPPING_YAML, lastValidYaml: DOCUMENTATION_MAPPING_YAML }) } });
      const blueprints = (JSON.parse(DOCUMENTATION_BLUEPRINTS_JSON) as { identifier: string }[]).map((b) => ({ identifier: b.identifier, text: JSON.stringify(b) }));
      await t.db.projectDocument.create({ data: { projectId: project.id, kind: "blueprints", content: JSON.stringify({ blueprints, pushed: {} }) } });
      await t.db.graphConnection.create({ data: { projectId: project.id, mode: "client_credentials", cloud: "china", tenantId: "tenant.cn", clientId: "app-cn", secretCipher: encryptSecret("stored-graph-secret", key) } });
      await t.db.portConnection.create({ data: { projectId: project.id, mode: "credentials", region: "us", clientId: "stored-port-id", secretCipher: encryptSecret("stored-port-secret", key) } });
      process.env.DATABASE_URL = t.url;
      process.env.DATA_DIR = path.join(dir, "data");
      process.env.ENCRYPTION_KEY = key.toString("base64");

      const plain = outDir("project");
      expect(await run(["--project", "Contoso", "--out", plain])).toBe(0);
      const helm = read(plain, "helm-install.sh");
      expect(helm).toContain("https://login.chinacloudapi.cn/tenant.cn/oauth2/v2.0/token");
      expect(helm).toContain("port.baseUrl=https://api.us.port.io");
      expect(JSON.parse(read(plain, "blueprints.json")).map((b: { identifier: string }) => b.identifier)).toContain("entra-id-group");
      for (const f of readdirSync(plain)) expect(read(plain, f)).not.toMatch(/stored-(graph|port)-secret/);

      const inline = outDir("project-inline");
      expect(await run(["--project", project.id, "--out", inline, "--secrets", "inline"])).toBe(0);
      expect(read(inline, "kubernetes-secret.yaml")).toContain("stored-port-secret");
      expect(read(inline, "kubernetes-secret.yaml")).toContain("client_secret=stored-graph-secret");
      expect(read(inline, "kubernetes-secret.yaml")).toContain("OCEAN__PORT__CLIENT_ID: stored-port-id");
    } finally {
      await t.cleanup();
    }
  });

  it.each([
    [["--config", CONFIG, "--blueprints", BLUEPRINTS], /--out is required/],
    [["--config", CONFIG, "--out", "x"], /--config and --blueprints are required/],
    [["--project", "p", "--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x"], /not both/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--region", "asia"], /--region must be one of eu, us/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--cloud", "mars"], /--cloud must be one of global, usgov, usgov-dod, china/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--secrets", "plain"], /--secrets must be one of chart-secret, existing-secret, inline/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--identifier", "Bad Name"], /integration identifier "Bad Name" is not usable/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--tenant-id", "a b"], /--tenant-id must be/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--graph-auth", "bearer-token", "--client-id", "c"], /client-credentials only/],
    [["--config", file("bad.yml", "resources:\n  - kind: /users\n    selector: {query: 'true'\n"), "--blueprints", BLUEPRINTS, "--out", "x"], /bad\.yml: mapping YAML \(line \d+, column \d+\)/],
    [["--config", CONFIG, "--blueprints", file("bad.json", "[{]"), "--out", "x"], /bad\.json: blueprints JSON \(line 1, column 3\)/],
    [["--config", "/nonexistent.yml", "--blueprints", BLUEPRINTS, "--out", "x"], /cannot read config/],
    [["--config", CONFIG, "--blueprints", BLUEPRINTS, "--out", "x", "--bogus"], /unknown option --bogus/],
  ])("exits 2 with one line on stderr for unusable input %#", async (argv, message) => {
    expect(await run(argv as string[])).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(out).toBe("");
  });
});
