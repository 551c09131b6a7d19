/**
 * Every row of every table of a SQLite file, read on a connection of its own, so a test
 * can show that a series of refused requests changed nothing at all.
 */
import Database from "better-sqlite3";

export type DatabaseSnapshot = Record<string, unknown[]>;

export function snapshotDatabase(file: string, options: { skipTables?: string[] } = {}): DatabaseSnapshot {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = connection
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    const snapshot: DatabaseSnapshot = {};
    for (const { name } of tables) {
      if (options.skipTables?.includes(name)) continue;
      snapshot[name] = connection.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`).all();
    }
    return snapshot;
  } finally {
    connection.close();
  }
}

/** How many rows the snapshot holds in all (to show a comparison compared something). */
export function rowCount(snapshot: DatabaseSnapshot): number {
  return Object.values(snapshot).reduce((sum, rows) => sum + rows.length, 0);
}
