/**
 * The app's database: Prisma 6 on SQLite through the better-sqlite3 driver adapter
 * (js/wasm engines only: nothing is downloaded). One client per process.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { env } from "../env";
import { APP_WAL_AUTOCHECKPOINT, walPragmas } from "./wal-policy";

export type Db = PrismaClient;

/** Prisma's adapter, its connection set up with the app's checkpoint policy (wal-policy.ts). */
class AppSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(walPragmas(APP_WAL_AUTOCHECKPOINT));
    return adapter;
  }
}

/** A client for an explicit SQLite URL (`file:/abs/path.db`); tests use this with a temp file. */
export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new AppSqliteAdapter({ url: databaseUrl }) });
}

const globalForDb = globalThis as unknown as { __entraPortDb?: Db };

/** The process-wide client for the configured DATABASE_URL. */
export function db(): Db {
  // Kept on globalThis so Next's dev-mode module reloads do not open a client per reload.
  globalForDb.__entraPortDb ??= createDb(env().DATABASE_URL);
  return globalForDb.__entraPortDb;
}
