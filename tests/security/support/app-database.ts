/**
 * For tests that call the app's own route handlers and proxy: a fresh data folder with
 * every migration applied, set as the app's DATA_DIR and DATABASE_URL (so `db()` and
 * `env()` use it), and removed again by `close()`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/server/db/migrate";
import { resetEnvForTests } from "@/lib/server/env";

export interface AppDatabase {
  dataDir: string;
  /** The SQLite file the app's `db()` opens. */
  file: string;
  close(): void;
}

export function openAppDatabase(prefix: string, extraEnv: Record<string, string> = {}): AppDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `epb-${prefix}-`));
  const file = path.join(dataDir, "app.db");
  const saved = Object.fromEntries(Object.keys(extraEnv).map((name) => [name, process.env[name]]));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${file}`;
  Object.assign(process.env, extraEnv);
  resetEnvForTests();
  applyMigrations(file);
  return {
    dataDir,
    file,
    close() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      delete process.env.DATA_DIR;
      delete process.env.DATABASE_URL;
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvForTests();
    },
  };
}
