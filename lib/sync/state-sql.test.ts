import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { sqliteStateSql } from "./state-sql";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("sqliteStateSql", () => {
  it("waits for a lock held by another connection without blocking the event loop", async () => {
    const other = new Database(t.file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "SyncActiveRun" (scope, runId, createdAt) VALUES ('s', 'r', '2026-01-01T00:00:00.000Z')`).run();
    const sql = sqliteStateSql(t.file);
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const write = sql.upsert("s", [["b", "i", "f", "{}", "k", "r"]], "2026-01-01T00:00:00.000Z");
      // The event loop keeps turning while the write waits; then the lock goes away.
      await new Promise((r) => setTimeout(r, 60));
      expect(ticks).toBeGreaterThan(3);
      other.exec("COMMIT");
      await write;
      clearInterval(timer);
      expect(await sql.load("s", "b", ["i", "j"])).toEqual([["i", "f", "{}", "k", "r"]]);
      expect(await t.db.syncActiveRun.count()).toBe(1);
    } finally {
      await sql.close();
      other.close();
    }
  });
});
