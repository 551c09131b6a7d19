import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { createPrismaStore } from "./prisma-store";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("the demo Port's SQLite store", () => {
  it("runs a transaction again when another connection committed between its read and its write", async () => {
    const store = createPrismaStore(t.db);
    // Another connection to the same file, as the sync's state thread is.
    const other = new Database(t.file);
    let attempts = 0;
    try {
      await store.transaction(async (tx) => {
        attempts += 1;
        await tx.getBlueprint("user"); // the transaction reads first...
        if (attempts === 1) other.prepare(`INSERT INTO "SyncActiveRun" (scope, runId, createdAt) VALUES ('s', 'r', '2026-01-01T00:00:00.000Z')`).run();
        // ...then writes, after the other connection's commit: SQLITE_BUSY_SNAPSHOT the first time.
        await tx.saveBlueprint({ identifier: "user", title: "User", schema: { properties: {} }, relations: {} } as never);
      });
    } finally {
      other.close();
    }
    expect(attempts).toBe(2);
    expect(await store.getBlueprint("user")).toMatchObject({ identifier: "user" });
  });
});
