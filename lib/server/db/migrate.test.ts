import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "./migrate";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-migrate-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("applyMigrations", () => {
  it("applies every committed migration once and records it for Prisma", () => {
    const file = path.join(dir, "app.db");
    const names = listMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(applyMigrations(file)).toEqual(names);
    expect(applyMigrations(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const recorded = db.prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name").all() as { migration_name: string }[];
    db.close();
    expect(recorded.map((r) => r.migration_name)).toEqual(names);
  });

  it("keeps the database and its WAL files owner-only, also for an existing file", () => {
    const fresh = path.join(dir, "fresh.db");
    applyMigrations(fresh);
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`].filter((f) => fs.existsSync(f))) {
      expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    }
    const old = path.join(dir, "old.db");
    fs.writeFileSync(old, "", { mode: 0o644 });
    fs.chmodSync(old, 0o644);
    applyMigrations(old);
    expect(fs.statSync(old).mode & 0o777).toBe(0o600);
  });
});
