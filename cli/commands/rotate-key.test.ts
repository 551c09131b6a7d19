import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { decryptWithRing, generateKey, KEY_FILE, readStoredSecrets } from "@/lib/server/key-rotation";
import { encryptSecret } from "@/lib/server/secrets";
import run from "./rotate-key";

let out = "";
let err = "";
let t: TestDatabase;
let dataDir: string;
const savedEnv = { ...process.env };

beforeEach(async () => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rotate-key-cli-"));
  process.env.DATABASE_URL = t.url;
  process.env.DATA_DIR = dataDir;
  delete process.env.ENCRYPTION_KEY;
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  await t.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function seedProject(key: Buffer, secret: string) {
  const owner = await t.db.user.create({ data: { email: "admin@example.com", name: "Admin" } });
  const project = await t.db.project.create({ data: { name: "Contoso", owner: { connect: { id: owner.id } } } });
  await t.db.graphConnection.create({ data: { projectId: project.id, mode: "client_credentials", secretCipher: encryptSecret(secret, key) } });
  return project;
}

describe("cli rotate-key", () => {
  it("key file: rotates to a generated key, replaces the file, prints the JSON summary and not the key", async () => {
    const oldKey = generateKey();
    fs.writeFileSync(path.join(dataDir, KEY_FILE), oldKey.toString("base64"), { mode: 0o600 });
    await seedProject(oldKey, "graph-secret-1");
    expect(await run([])).toBe(0);
    expect(JSON.parse(out)).toEqual({ dryRun: false, keySource: "file", secrets: 1, projects: 1 });
    const newKey = Buffer.from(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8").trim(), "base64");
    expect(newKey.equals(oldKey)).toBe(false);
    expect(err).toMatch(/rotated 1 secrets in 1 projects; the new key is in .*encryption-key\. Restart the builder/);
    expect(`${out}${err}`).not.toContain(newKey.toString("base64"));
    const [stored] = await readStoredSecrets(t.db);
    expect(decryptWithRing(stored!.cipher, [newKey])).toBe("graph-secret-1");
  });

  it("ENCRYPTION_KEY: prints the generated key once with what to do, writes no key file", async () => {
    const oldKey = generateKey();
    process.env.ENCRYPTION_KEY = oldKey.toString("base64");
    await seedProject(oldKey, "graph-secret-2");
    expect(await run([])).toBe(0);
    const printed = /new ENCRYPTION_KEY \(shown once, keep it now\): (\S+)\n/.exec(err)?.[1];
    expect(printed).toBeDefined();
    expect(err.split(printed!)).toHaveLength(2);
    expect(err).toMatch(/set ENCRYPTION_KEY to the key printed above .* then restart it/);
    const [stored] = await readStoredSecrets(t.db);
    expect(decryptWithRing(stored!.cipher, [Buffer.from(printed!, "base64")])).toBe("graph-secret-2");
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
  });

  it("--new-key and --dry-run: checks every secret, changes nothing", async () => {
    const oldKey = generateKey();
    fs.writeFileSync(path.join(dataDir, KEY_FILE), oldKey.toString("base64"), { mode: 0o600 });
    await seedProject(oldKey, "graph-secret-3");
    const before = await readStoredSecrets(t.db);
    expect(await run(["--new-key", generateKey().toString("base64"), "--dry-run"])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dryRun: true, secrets: 1 });
    expect(await readStoredSecrets(t.db)).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8")).toBe(oldKey.toString("base64"));
  });

  it("unusable input is exit 2 with one line; a secret that does not decrypt is exit 1, naming the project", async () => {
    expect(await run(["--new-key", "c2hvcnQ="])).toBe(2);
    expect(err).toBe("--new-key must be 32 bytes, base64-encoded (openssl rand -base64 32)\n");
    err = "";
    expect(await run(["--bogus"])).toBe(2);
    expect(err).toMatch(/^unknown option --bogus; usage: rotate-key/);
    err = "";
    fs.writeFileSync(path.join(dataDir, KEY_FILE), generateKey().toString("base64"), { mode: 0o600 });
    const project = await seedProject(generateKey(), "graph-secret-4");
    expect(await run([])).toBe(1);
    expect(err).toContain(`Project "Contoso" (${project.id}): the Graph connection client secret does not decrypt with the current key; nothing was changed.`);
    expect(out).toBe("");
  });
});
