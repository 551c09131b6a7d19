/**
 * How the state store's hot statements reach SQLite: through the app's Prisma client
 * (raw SQL), or, when the database file is known, through a connection of its own
 * (better-sqlite3 directly). The direct connection skips Prisma's query compiler (wasm)
 * and its parameter copies, which cost the sync a fifth of its CPU at 100,000 users
 * (bench/sync.bench.ts). It never waits for a lock on the event loop's thread:
 * better-sqlite3 is synchronous, so a busy database is retried with an async pause
 * instead (Prisma's own transactions in this process then get to finish).
 */
import Database from "better-sqlite3";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/server/db";

export interface StateSql {
  run(sql: string, ...params: (string | number | null)[]): Promise<void>;
  all<T>(sql: string, ...params: (string | number | null)[]): Promise<T[]>;
  close(): void;
}

export function prismaStateSql(db: Db): StateSql {
  return {
    run: async (sql, ...params) => {
      await db.$executeRawUnsafe(sql, ...params);
    },
    all: (sql, ...params) => db.$queryRawUnsafe(sql, ...params),
    close: () => undefined,
  };
}

const BUSY_RETRY_MS = 30_000;

export function sqliteStateSql(file: string): StateSql {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 0");
  // This connection writes only the sync's state: a commit lost to a power cut is an
  // entity planned again next run (an upsert Port already holds), so no fsync per commit
  // (WAL keeps the file consistent either way).
  sqlite.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = sqlite.prepare(sql)));
    return stmt;
  };
  async function retrying<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_RETRY_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        return work();
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        await sleep(pause);
      }
    }
  }
  return {
    run: async (sql, ...params) => {
      await retrying(() => prepared(sql).run(...params));
    },
    all: <T>(sql: string, ...params: (string | number | null)[]) => retrying(() => prepared(sql).all(...params) as T[]),
    close: () => sqlite.close(),
  };
}
