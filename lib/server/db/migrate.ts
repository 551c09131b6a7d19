/**
 * Applies the committed migrations in prisma/migrations to a SQLite file, recording them
 * in Prisma's own `_prisma_migrations` table so that `prisma migrate deploy` and this
 * agree. The server (lib/server/startup.ts), the command line and the tests all use this.
 */
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Resolved from the working directory: the app, the CLI and the tests all run from the
// project root, and inside Next's server bundle __dirname does not point at the sources.
export const migrationsDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export function listMigrations(dir = migrationsDir): { name: string; sql: string }[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8") }));
}

/** Applies every migration not yet recorded. Returns the names applied. */
export function applyMigrations(file: string, dir = migrationsDir): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Password hashes and encrypted secrets live here: owner-only. SQLite gives its -wal and
  // -shm files the database file's permissions, so setting them here covers all three.
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  else fs.writeFileSync(file, "", { mode: 0o600, flag: "wx" });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const done = new Set(
      (sqlite.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`).all() as { migration_name: string }[]).map(
        (r) => r.migration_name,
      ),
    );
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      if (done.has(m.name)) continue;
      sqlite.transaction(() => {
        sqlite.exec(m.sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
          )
          .run(randomUUID(), createHash("sha256").update(m.sql).digest("hex"), m.name);
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}
