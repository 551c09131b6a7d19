import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./db/test-db";
import { decryptWithRing, generateKey, KEY_FILE, loadKeyRing, PREVIOUS_KEYS_FILE, readStoredSecrets, rotateKey, type RotationStep } from "./key-rotation";
import { encryptSecret } from "./secrets";

let t: TestDatabase;
let dataDir: string;
let oldKey: Buffer;

beforeEach(async () => {
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "key-rotation-"));
  oldKey = generateKey();
  fs.writeFileSync(path.join(dataDir, KEY_FILE), `${oldKey.toString("base64")}\n`, { mode: 0o600 });
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Three projects: a Graph client secret, a Graph token, and a Port client secret: six secrets. */
async function seed(key: Buffer): Promise<Map<string, string>> {
  const owner = await t.db.user.create({ data: { email: "admin@example.com", name: "Admin" } });
  const plain = new Map<string, string>();
  for (const name of ["Alpha", "Bravo", "Charlie"]) {
    const project = await t.db.project.create({ data: { name, owner: { connect: { id: owner.id } } } });
    const graphSecret = `${name}-graph-secret`;
    const token = `${name}-graph-token`;
    const portSecret = `${name}-port-secret`;
    await t.db.graphConnection.create({
      data: { projectId: project.id, mode: "client_credentials", secretCipher: encryptSecret(graphSecret, key), tokenCipher: name === "Alpha" ? encryptSecret(token, key) : null },
    });
    await t.db.portConnection.create({ data: { projectId: project.id, mode: "credentials", secretCipher: name === "Charlie" ? null : encryptSecret(portSecret, key) } });
    plain.set(`${project.id}:graph:secret`, graphSecret);
    if (name === "Alpha") plain.set(`${project.id}:graph:token`, token);
    if (name !== "Charlie") plain.set(`${project.id}:port:secret`, portSecret);
  }
  return plain;
}

async function snapshot() {
  return {
    graph: await t.db.graphConnection.findMany({ orderBy: { projectId: "asc" } }),
    port: await t.db.portConnection.findMany({ orderBy: { projectId: "asc" } }),
  };
}

/** Every stored secret, decrypted with the keys the data folder holds now (what a restarted server has). */
async function readableWithDataFolder(): Promise<string[]> {
  const ring = loadKeyRing(dataDir);
  return (await readStoredSecrets(t.db)).map((s) => decryptWithRing(s.cipher, ring)).sort();
}

describe("key rotation", () => {
  it("re-encrypts every secret under the new key, installs the key file 0600, keeps no previous key", async () => {
    const plain = await seed(oldKey);
    const newKey = generateKey();
    const summary = await rotateKey({ db: t.db, ring: [oldKey], newKey, source: { kind: "file", dataDir } });
    expect(summary).toEqual({ dryRun: false, keySource: "file", secrets: 6, projects: 3 });
    const stored = await readStoredSecrets(t.db);
    expect(stored.map((s) => decryptWithRing(s.cipher, [newKey])).sort()).toEqual([...plain.values()].sort());
    expect(() => decryptWithRing(stored[0]!.cipher, [oldKey])).toThrow(/could not be decrypted/);
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8").trim()).toBe(newKey.toString("base64"));
    expect(fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, PREVIOUS_KEYS_FILE))).toBe(false);
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
  });

  it("all or nothing: the third secret does not decrypt, so no row and no key file changes, and the message names project and field", async () => {
    await seed(oldKey);
    const secrets = await readStoredSecrets(t.db);
    const third = secrets[2]!;
    const tampered = `${third.cipher.slice(0, -2)}${third.cipher.endsWith("AA") ? "BB" : "AA"}`;
    if (third.field.table === "graphConnection") await t.db.graphConnection.update({ where: { projectId: third.projectId }, data: { [third.field.column]: tampered } });
    else await t.db.portConnection.update({ where: { projectId: third.projectId }, data: { [third.field.column]: tampered } });
    const before = await snapshot();

    const failure = rotateKey({ db: t.db, ring: [oldKey], newKey: generateKey(), source: { kind: "file", dataDir } });
    await expect(failure).rejects.toMatchObject({ code: "key_rotation_unreadable" });
    await expect(failure).rejects.toThrow(`Project "${third.projectName}" (${third.projectId}): the ${third.field.label} does not decrypt`);
    expect(await snapshot()).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8").trim()).toBe(oldKey.toString("base64"));
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
  });

  it("all or nothing: a secret saved during the rotation aborts the transaction, the earlier rows roll back and the old key file returns", async () => {
    await seed(oldKey);
    const before = await snapshot();
    const secrets = await readStoredSecrets(t.db);
    const last = secrets.at(-1)!;
    const failure = rotateKey({
      db: t.db,
      ring: [oldKey],
      newKey: generateKey(),
      source: { kind: "file", dataDir },
      afterStep: async (step) => {
        // Someone saves the last secret again between the read and the transaction.
        if (step === "key-installed") await t.db.portConnection.update({ where: { projectId: last.projectId }, data: { secretCipher: encryptSecret("saved-meanwhile", oldKey) } });
      },
    });
    await expect(failure).rejects.toMatchObject({ code: "key_rotation_conflict" });
    const after = await snapshot();
    expect(after.graph).toEqual(before.graph);
    expect(after.port.filter((p) => p.projectId !== last.projectId)).toEqual(before.port.filter((p) => p.projectId !== last.projectId));
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8").trim()).toBe(oldKey.toString("base64"));
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
    expect(await readableWithDataFolder()).toContain("saved-meanwhile");
  });

  it.each<RotationStep>(["decrypted", "previous-kept", "key-installed", "committed"])(
    "a crash after %s leaves every secret readable with the data folder's keys, and a second rotation finishes",
    async (crashAfter) => {
      const plain = [...(await seed(oldKey)).values()].sort();
      const crash = new Error("simulated crash");
      await expect(
        rotateKey({ db: t.db, ring: loadKeyRing(dataDir), newKey: generateKey(), source: { kind: "file", dataDir }, afterStep: (step) => { if (step === crashAfter) throw crash; } }),
      ).rejects.toBe(crash);
      expect(await readableWithDataFolder()).toEqual(plain);

      const finalKey = generateKey();
      await rotateKey({ db: t.db, ring: loadKeyRing(dataDir), newKey: finalKey, source: { kind: "file", dataDir } });
      expect((await readStoredSecrets(t.db)).map((s) => decryptWithRing(s.cipher, [finalKey])).sort()).toEqual(plain);
      expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
    },
  );

  it("ENCRYPTION_KEY: the new key is handed over before any row is written under it, and no key file is written", async () => {
    fs.rmSync(path.join(dataDir, KEY_FILE));
    const plain = [...(await seed(oldKey)).values()].sort();
    const newKey = generateKey();
    const events: string[] = [];
    const summary = await rotateKey({
      db: t.db,
      ring: [oldKey],
      newKey,
      source: { kind: "env" },
      onNewKey: (key) => events.push(`handed ${key.equals(newKey) ? "new key" : "another key"}`),
      afterStep: (step) => void events.push(step),
    });
    expect(summary.keySource).toBe("env");
    expect(events).toEqual(["decrypted", "handed new key", "committed"]);
    expect((await readStoredSecrets(t.db)).map((s) => decryptWithRing(s.cipher, [newKey])).sort()).toEqual(plain);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("a dry run decrypts everything and changes nothing; the key in use is refused as the new key", async () => {
    await seed(oldKey);
    const before = await snapshot();
    expect(await rotateKey({ db: t.db, ring: [oldKey], newKey: generateKey(), source: { kind: "file", dataDir }, dryRun: true })).toEqual({ dryRun: true, keySource: "file", secrets: 6, projects: 3 });
    expect(await snapshot()).toEqual(before);
    await expect(rotateKey({ db: t.db, ring: [oldKey], newKey: oldKey, source: { kind: "file", dataDir } })).rejects.toMatchObject({ code: "bad_key" });
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
  });
});
