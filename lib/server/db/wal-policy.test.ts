import { afterEach, describe, expect, it } from "vitest";
import { openStateConnection } from "@/lib/sync/state-worker";
import { createTestDatabase, type TestDatabase } from "./test-db";
import { APP_WAL_AUTOCHECKPOINT, JOURNAL_SIZE_LIMIT, STATE_WAL_AUTOCHECKPOINT } from "./wal-policy";

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.cleanup();
  database = null;
});

describe("one checkpoint policy for the app's and the sync state's connections", () => {
  it("the app's connection checkpoints later than the state's, so a sync's own thread does the copying", async () => {
    database = await createTestDatabase();
    const [app] = await database.db.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
    const [limit] = await database.db.$queryRawUnsafe<{ journal_size_limit: bigint }[]>("PRAGMA journal_size_limit");
    const state = openStateConnection(database.file);
    try {
      const [statePages] = await state.all("PRAGMA wal_autocheckpoint", []);
      expect(Number(app!.wal_autocheckpoint)).toBe(APP_WAL_AUTOCHECKPOINT);
      expect(Number(statePages)).toBe(STATE_WAL_AUTOCHECKPOINT);
      expect(APP_WAL_AUTOCHECKPOINT).toBeGreaterThan(STATE_WAL_AUTOCHECKPOINT);
      expect(Number(limit!.journal_size_limit)).toBe(JOURNAL_SIZE_LIMIT);
    } finally {
      await state.close();
    }
  });
});
