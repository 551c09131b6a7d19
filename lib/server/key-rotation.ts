/**
 * Rotating the key that encrypts stored secrets (lib/server/secrets.ts), all or nothing.
 *
 * The steps, in the order that keeps every crash point readable:
 *  1. read every cipher column and decrypt it with the key ring (the current key, then any
 *     key still kept in `encryption-key.previous`); one that does not decrypt stops here,
 *     naming the project and the field, with nothing changed;
 *  2. encrypt every value under the new key, in memory;
 *  3. (key file) write the ring's keys to `encryption-key.previous`, then install the new
 *     key as `encryption-key` (each file: temp + fsync + rename, mode 0600). From here the
 *     database is still under the old key, which the ring keeps readable;
 *     (ENCRYPTION_KEY) hand the new key to the operator (`onNewKey`) before any row holds
 *     a value under it, so no crash can leave rows under a key nobody has;
 *  4. write every row in one transaction, each only if its cipher is still the one read
 *     in step 1 (a secret saved meanwhile aborts the whole rotation, never lost);
 *     a failed transaction puts the old key file back;
 *  5. (key file) remove `encryption-key.previous`: everything is under the new key.
 * A crash between 3 and 5 leaves the new key installed and the old in the ring: readable,
 * and running the rotation again finishes it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors";
import type { Db } from "./db";
import { decryptSecret, encryptSecret } from "./secrets";

export const KEY_FILE = "encryption-key";
export const PREVIOUS_KEYS_FILE = "encryption-key.previous";

/** Every column that holds a secret encrypted with the app key. */
const CIPHER_COLUMNS = [
  { table: "graphConnection", column: "secretCipher", label: "Graph connection client secret" },
  { table: "graphConnection", column: "tokenCipher", label: "Graph connection token" },
  { table: "portConnection", column: "secretCipher", label: "Port connection client secret" },
] as const;

type CipherColumn = (typeof CIPHER_COLUMNS)[number];

export interface StoredSecret {
  projectId: string;
  projectName: string;
  field: CipherColumn;
  cipher: string;
}

export type RotationStep = "decrypted" | "previous-kept" | "key-installed" | "committed" | "previous-removed";

export type KeySource = { kind: "file"; dataDir: string } | { kind: "env" };

export interface RotationInput {
  db: Db;
  /** The current key first, then older keys that may still be in use. */
  ring: readonly Buffer[];
  newKey: Buffer;
  source: KeySource;
  dryRun?: boolean;
  /** ENCRYPTION_KEY: called with the new key before any row is written under it. */
  onNewKey?: (key: Buffer) => void;
  /** For tests: called after each step; a throw here is a crash (no clean-up runs). */
  afterStep?: (step: RotationStep) => void | Promise<void>;
}

export interface RotationSummary {
  dryRun: boolean;
  keySource: KeySource["kind"];
  secrets: number;
  projects: number;
}

/** A new random key, in the base64 form ENCRYPTION_KEY and the key file use. */
export function generateKey(): Buffer {
  return randomBytes(32);
}

/** `--new-key` or ENCRYPTION_KEY text as a key; anything but 32 bytes of base64 is refused. */
export function parseKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new AppError("bad_key", `${what} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  }
  return key;
}

/** The keys kept by an unfinished rotation, oldest last; none when there is no such file. */
export function readPreviousKeys(dataDir: string): Buffer[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, PREVIOUS_KEYS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return text.split("\n").filter((line) => line.trim()).map((line) => parseKey(line, PREVIOUS_KEYS_FILE));
}

/** The key ring the data folder holds: its key file, then the keys an unfinished rotation kept. */
export function loadKeyRing(dataDir: string): Buffer[] {
  const current = parseKey(fs.readFileSync(path.join(dataDir, KEY_FILE), "utf8"), KEY_FILE);
  return uniqueKeys([current, ...readPreviousKeys(dataDir)]);
}

function uniqueKeys(keys: readonly Buffer[]): Buffer[] {
  return keys.filter((key, i) => keys.findIndex((other) => other.equals(key)) === i);
}

/** Writes a file so that a crash leaves either the old content or the new, never a torn one. */
export function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(temp, "w", 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
}

function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Every stored secret, with the project it belongs to (for a message that says where). */
export async function readStoredSecrets(db: Db): Promise<StoredSecret[]> {
  const select = { projectId: true, secretCipher: true, project: { select: { name: true } } } as const;
  const graph = await db.graphConnection.findMany({ select: { ...select, tokenCipher: true }, orderBy: { projectId: "asc" } });
  const port = await db.portConnection.findMany({ select, orderBy: { projectId: "asc" } });
  const rows: Array<{ table: CipherColumn["table"]; row: { projectId: string; project: { name: string } } & Record<string, unknown> }> = [
    ...graph.map((row) => ({ table: "graphConnection" as const, row })),
    ...port.map((row) => ({ table: "portConnection" as const, row })),
  ];
  const out: StoredSecret[] = [];
  for (const { table, row } of rows) {
    for (const field of CIPHER_COLUMNS) {
      const cipher = field.table === table ? row[field.column] : null;
      if (typeof cipher === "string") out.push({ projectId: row.projectId, projectName: row.project.name, field, cipher });
    }
  }
  return out;
}

/** Decrypts with the first key of the ring that opens the value. */
export function decryptWithRing(cipher: string, ring: readonly Buffer[]): string {
  return decryptSecret(cipher, ring);
}

function decryptAll(secrets: readonly StoredSecret[], ring: readonly Buffer[]): string[] {
  return secrets.map((secret) => {
    try {
      return decryptWithRing(secret.cipher, ring);
    } catch (error) {
      throw new AppError(
        "key_rotation_unreadable",
        `Project "${secret.projectName}" (${secret.projectId}): the ${secret.field.label} does not decrypt with the current key; nothing was changed.`,
        { hint: "Restore the key it was saved with, or enter that secret again in the project's connection settings, then rotate.", cause: error },
      );
    }
  });
}

/** One transaction; a row whose cipher changed since it was read aborts all of it. */
async function writeAll(db: Db, secrets: readonly StoredSecret[], ciphers: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [i, secret] of secrets.entries()) {
      const { table, column } = secret.field;
      const where = { projectId: secret.projectId, [column]: secret.cipher };
      const data = { [column]: ciphers[i] };
      const result = table === "graphConnection" ? await tx.graphConnection.updateMany({ where, data }) : await tx.portConnection.updateMany({ where, data });
      if (result.count !== 1) {
        throw new AppError("key_rotation_conflict", `Project "${secret.projectName}" (${secret.projectId}): the ${secret.field.label} changed during the rotation; nothing was changed.`, {
          hint: "Stop the builder (nobody should be saving connections), then rotate again.",
        });
      }
    }
  });
}

const keyText = (key: Buffer) => key.toString("base64");

export async function rotateKey(input: RotationInput): Promise<RotationSummary> {
  const { db, source, newKey } = input;
  const step = async (name: RotationStep) => input.afterStep?.(name);
  const ring = uniqueKeys(input.ring);
  if (newKey.length !== 32) throw new AppError("bad_key", "The new key must be 32 bytes.");
  if (ring.some((key) => key.equals(newKey))) throw new AppError("bad_key", "The new key is the key in use; give a different one.");

  const secrets = await readStoredSecrets(db);
  const plain = decryptAll(secrets, ring);
  await step("decrypted");
  const summary: RotationSummary = { dryRun: Boolean(input.dryRun), keySource: source.kind, secrets: secrets.length, projects: new Set(secrets.map((s) => s.projectId)).size };
  if (input.dryRun) return summary;
  const ciphers = plain.map((value) => encryptSecret(value, newKey));

  if (source.kind === "env") {
    input.onNewKey?.(newKey);
    await writeAll(db, secrets, ciphers);
    await step("committed");
    return summary;
  }

  const keyFile = path.join(source.dataDir, KEY_FILE);
  const previousFile = path.join(source.dataDir, PREVIOUS_KEYS_FILE);
  writeFileAtomic(previousFile, `${ring.map(keyText).join("\n")}\n`);
  await step("previous-kept");
  writeFileAtomic(keyFile, `${keyText(newKey)}\n`);
  await step("key-installed");
  try {
    await writeAll(db, secrets, ciphers);
  } catch (error) {
    // Nothing was written: the old key goes back, and the ring file to what it was.
    writeFileAtomic(keyFile, `${keyText(ring[0]!)}\n`);
    if (ring.length > 1) writeFileAtomic(previousFile, `${ring.slice(1).map(keyText).join("\n")}\n`);
    else fs.rmSync(previousFile, { force: true });
    throw error;
  }
  await step("committed");
  fs.rmSync(previousFile, { force: true });
  syncFolder(source.dataDir);
  await step("previous-removed");
  return summary;
}
