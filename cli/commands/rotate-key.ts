/**
 * `npm run cli -- rotate-key [--new-key <base64 32 bytes>] [--dry-run]`
 *
 * Re-encrypts every stored secret (Graph and Port connections) under a new key, all or
 * nothing (lib/server/key-rotation.ts), then installs the key: the data folder's
 * `encryption-key` file is replaced atomically (0600); when the key comes from
 * ENCRYPTION_KEY, the new key is printed once on stderr, before any row is written under
 * it, for the operator to set. Stop the builder first: a running server keeps the old key.
 * The JSON summary on stdout. Exit 0 rotated (or checked, with --dry-run), 1 refused
 * (a secret that does not decrypt, a secret saved meanwhile: nothing changed), 2 unusable input.
 */
import { walkFlags } from "../flags";
import { isAppError } from "@/lib/errors";
import { createDb } from "@/lib/server/db";
import { applyMigrations } from "@/lib/server/db/migrate";
import { EnvError, parseEnv, type AppEnv } from "@/lib/server/env";
import { generateKey, KEY_FILE, loadKeyRing, parseKey, rotateKey, type KeySource } from "@/lib/server/key-rotation";
import path from "node:path";

interface RotateArgs {
  newKey?: Buffer;
  dryRun: boolean;
}

const USAGE = "usage: rotate-key [--new-key <base64 32 bytes>] [--dry-run]";

function parseArgs(argv: string[]): RotateArgs {
  const out: RotateArgs = { dryRun: false };
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--new-key") out.newKey = parseKey(value(), "--new-key");
    else if (flag === "--dry-run") out.dryRun = true;
    else return false;
    return true;
  });
  return out;
}

function explain(error: unknown): string {
  if (error instanceof EnvError) return error.message;
  if (isAppError(error)) return `${error.message}${error.hint ? `\nhint: ${error.hint}` : ""}`;
  return String(error);
}

function keySource(appEnv: AppEnv): KeySource {
  return process.env.ENCRYPTION_KEY ? { kind: "env" } : { kind: "file", dataDir: appEnv.dataDir };
}

export default async function run(argv: string[]): Promise<number> {
  let args: RotateArgs;
  let appEnv: AppEnv;
  try {
    args = parseArgs(argv);
    appEnv = parseEnv(process.env);
  } catch (e) {
    process.stderr.write(`${explain(e).split("\n")[0]}\n`);
    return 2;
  }
  const source = keySource(appEnv);
  const generated = !args.newKey;
  const newKey = args.newKey ?? generateKey();
  applyMigrations(appEnv.databaseFile);
  const db = createDb(appEnv.DATABASE_URL);
  try {
    const ring = source.kind === "file" ? loadKeyRing(source.dataDir) : [appEnv.encryptionKey];
    const summary = await rotateKey({
      db,
      ring,
      newKey,
      source,
      dryRun: args.dryRun,
      onNewKey: (key) => {
        if (generated) process.stderr.write(`new ENCRYPTION_KEY (shown once, keep it now): ${key.toString("base64")}\n`);
      },
    });
    if (args.dryRun) {
      process.stderr.write(`dry run: all ${summary.secrets} stored secrets decrypt with the current key; nothing was changed\n`);
    } else if (source.kind === "env") {
      process.stderr.write(
        `rotated ${summary.secrets} secrets in ${summary.projects} projects. The secrets are now under the new key: set ENCRYPTION_KEY to ${generated ? "the key printed above" : "the key you gave with --new-key"} wherever the builder is configured, then restart it; the old key no longer opens them.\n`,
      );
    } else {
      process.stderr.write(`rotated ${summary.secrets} secrets in ${summary.projects} projects; the new key is in ${path.join(source.dataDir, KEY_FILE)}. Restart the builder so it reads it.\n`);
    }
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${explain(e)}\n`);
    return isAppError(e) && e.code === "bad_key" ? 2 : 1;
  } finally {
    await db.$disconnect();
  }
}
