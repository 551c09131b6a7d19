/**
 * The state store's hot statements, two ways:
 * - through the app's Prisma client: raw SQL, each call ONE statement with its rows bound
 *   as one JSON parameter that SQLite unpacks (json_each); through the ORM, or with a
 *   parameter per value, binding cost more CPU than the rest of the sync;
 * - when the database file is known, through a connection of its own (better-sqlite3
 *   directly, on a worker thread: state-worker.ts), never on the event loop's thread:
 *   upserts as prepared statements row by row inside one transaction (no JSON to unpack
 *   per row), and reads, updates and deletes of a page's identifiers as one statement with
 *   them as one JSON parameter (one string to hand to the thread instead of one per row:
 *   bench/sync.bench.ts, about a second of a 135,000-entity sync).
 */
import type { Db } from "@/lib/server/db";
import { openStateConnection, type FlatRows } from "./state-worker";

/** identifier, fingerprint, content, kind, seenRunId */
export type StateRow = [string, string, string, string, string];
/** blueprint, identifier, fingerprint, content, kind, seenRunId */
export type UpsertRow = [string, string, string, string, string, string];
export type StateUpdate = { seenRunId: string; kind: string } | { checkedRunId: string } | { fingerprint: string };

export interface StateSql {
  load(scope: string, blueprint: string, identifiers: readonly string[]): Promise<StateRow[]>;
  upsert(scope: string, rows: readonly UpsertRow[], updatedAt: string): Promise<void>;
  update(scope: string, blueprint: string, identifiers: readonly string[], set: StateUpdate): Promise<void>;
  remove(scope: string, blueprint: string, identifiers: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

const TABLE = `"SyncEntityState"`;
/** A page's identifiers as one JSON parameter (SQLite unpacks it): one value to bind, and one string to hand to the state's thread. */
const IN_LIST = "identifier IN (SELECT value FROM json_each(?))";
const COLUMNS = "scope, blueprint, identifier, fingerprint, content, kind, seenRunId, updatedAt";
const ON_CONFLICT = `ON CONFLICT (scope, blueprint, identifier) DO UPDATE SET fingerprint = excluded.fingerprint, content = excluded.content, kind = excluded.kind, seenRunId = excluded.seenRunId, updatedAt = excluded.updatedAt`;

/** `seenRunId = ?, kind = ?` and its values, for an update. */
function setClause(set: StateUpdate): [string, string[]] {
  const keys = Object.keys(set) as (keyof StateUpdate)[];
  return [keys.map((k) => `${k} = ?`).join(", "), keys.map((k) => (set as Record<string, string>)[k]!)];
}

export function prismaStateSql(db: Db): StateSql {
  return {
    async load(scope, blueprint, identifiers) {
      // One row holding every match as JSON: one value to hand back instead of five per entity.
      const [row] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
        `SELECT json_group_array(json_array(identifier, fingerprint, content, kind, seenRunId)) AS rows FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`,
        scope,
        blueprint,
        JSON.stringify(identifiers),
      );
      return JSON.parse(row?.rows ?? "[]") as StateRow[];
    },
    async upsert(scope, rows, updatedAt) {
      await db.$executeRawUnsafe(
        `INSERT INTO ${TABLE} (${COLUMNS}) SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, ? FROM json_each(?) WHERE true ${ON_CONFLICT}`,
        scope,
        updatedAt,
        JSON.stringify(rows),
      );
    },
    async update(scope, blueprint, identifiers, set) {
      const [clause, values] = setClause(set);
      await db.$executeRawUnsafe(`UPDATE ${TABLE} SET ${clause} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, ...values, scope, blueprint, JSON.stringify(identifiers));
    },
    async remove(scope, blueprint, identifiers) {
      await db.$executeRawUnsafe(`DELETE FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, scope, blueprint, JSON.stringify(identifiers));
    },
    close: async () => undefined,
  };
}

/** Rows of `width` values each, laid end to end for the state's thread (state-worker.ts). */
function flat(width: number, count: number, fill: (values: string[]) => void): FlatRows {
  const values: string[] = [];
  fill(values);
  if (values.length !== width * count) throw new Error(`state rows: ${values.length} values for ${count} rows of ${width}`);
  return { width, values };
}

const oneRow = (values: string[]): FlatRows => ({ width: values.length, values });

export function sqliteStateSql(file: string): StateSql {
  const conn = openStateConnection(file);
  return {
    async load(scope, blueprint, identifiers) {
      // One statement per page: the identifiers cross to the thread as one JSON text.
      const found = await conn.all(`SELECT identifier, fingerprint, content, kind, seenRunId FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, [scope, blueprint, JSON.stringify(identifiers)]);
      const rows: StateRow[] = [];
      for (let i = 0; i < found.length; i += 5) rows.push([found[i]!, found[i + 1]!, found[i + 2]!, found[i + 3]!, found[i + 4]!]);
      return rows;
    },
    upsert: (scope, rows, updatedAt) =>
      conn.run(
        `INSERT INTO ${TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ${ON_CONFLICT}`,
        flat(8, rows.length, (v) => {
          for (const r of rows) v.push(scope, ...r, updatedAt);
        }),
      ),
    update: (scope, blueprint, identifiers, set) => {
      const [clause, values] = setClause(set);
      return conn.run(`UPDATE ${TABLE} SET ${clause} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, oneRow([...values, scope, blueprint, JSON.stringify(identifiers)]));
    },
    remove: (scope, blueprint, identifiers) => conn.run(`DELETE FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, oneRow([scope, blueprint, JSON.stringify(identifiers)])),
    close: () => conn.close(),
  };
}
