/**
 * For tests: a fresh SQLite database in a temp folder with every migration applied,
 * and a Prisma client on it. `cleanup()` closes the client and removes the folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "./migrate";
import { createDb, type Db } from "./index";

export interface TestDatabase {
  db: Db;
  url: string;
  file: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-db-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    file,
    async cleanup() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
