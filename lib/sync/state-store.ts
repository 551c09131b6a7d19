/**
 * Entity state: what a scope wrote to Port, one row per entity (SyncEntityState). Every
 * call works on a page of identifiers or a page of rows, never on the whole scope, so a
 * run's memory does not grow with the tenant; the set of entities a run produced lives
 * here too (`seenRunId`), not in memory.
 */
import type { Db } from "@/lib/server/db";

/** Rows per page when the store pages through a scope (reconciliation, drift). */
const PAGE = 500;

export interface StoredState {
  fingerprint: string;
  /** JSON of what was written ({title, icon, team, properties, relations}). */
  content: string;
  kind: string;
  seenRunId: string;
}

export interface WrittenState {
  identifier: string;
  fingerprint: string;
  content: string;
  kind: string;
}

const TABLE = `"SyncEntityState"`;
/** The identifiers of a call, bound as one JSON text and unpacked by SQLite. */
const IN_LIST = "identifier IN (SELECT value FROM json_each(?))";

export function createStateStore(db: Db, scope: string) {
  /**
   * The per-page calls are one SQL statement each with the page bound as ONE JSON
   * parameter (SQLite's json_each unpacks it): through the ORM, or with a parameter per
   * value, binding cost more CPU than the rest of the sync (bench/sync.bench.ts).
   */
  const updateSome = async (blueprint: string, identifiers: readonly string[], set: string, values: unknown[]) => {
    if (identifiers.length === 0) return;
    await db.$executeRawUnsafe(`UPDATE ${TABLE} SET ${set} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, ...values, scope, blueprint, JSON.stringify(identifiers));
  };

  return {
    scope,

    /** How many entities this scope has written (and not deleted since). */
    count: () => db.syncEntityState.count({ where: { scope } }),

    /** The rows of these identifiers that exist. */
    async load(blueprint: string, identifiers: readonly string[]): Promise<Map<string, StoredState>> {
      const out = new Map<string, StoredState>();
      if (identifiers.length === 0) return out;
      // One row holding every match as JSON: one value to hand back instead of five per entity.
      const [row] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
        `SELECT json_group_array(json_array(identifier, fingerprint, content, kind, seenRunId)) AS rows FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`,
        scope,
        blueprint,
        JSON.stringify(identifiers),
      );
      for (const [identifier, fingerprint, content, kind, seenRunId] of JSON.parse(row?.rows ?? "[]") as string[][]) {
        out.set(identifier!, { fingerprint: fingerprint!, content: content!, kind: kind!, seenRunId: seenRunId! });
      }
      return out;
    },

    /** Produced again by this run without a write (unchanged, or a write that failed). */
    markSeen: (blueprint: string, identifiers: readonly string[], runId: string, kind: string) => updateSome(blueprint, identifiers, "seenRunId = ?, kind = ?", [runId, kind]),

    /** Port confirmed these writes: their state is now what was written. */
    async saveWritten(blueprint: string, rows: readonly WrittenState[], runId: string): Promise<void> {
      if (rows.length === 0) return;
      // As Prisma stores a DateTime in SQLite: ISO text.
      const now = new Date().toISOString();
      await db.$executeRawUnsafe(
        `INSERT INTO ${TABLE} (scope, blueprint, identifier, fingerprint, content, kind, seenRunId, updatedAt)
         SELECT ?, ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, ?, ? FROM json_each(?) WHERE true
         ON CONFLICT (scope, blueprint, identifier) DO UPDATE SET fingerprint = excluded.fingerprint, content = excluded.content, kind = excluded.kind, seenRunId = excluded.seenRunId, updatedAt = excluded.updatedAt`,
        scope,
        blueprint,
        runId,
        now,
        JSON.stringify(rows.map((r) => [r.identifier, r.fingerprint, r.content, r.kind])),
      );
    },

    /** Port no longer holds these (deleted, or found missing): forget them. */
    async remove(blueprint: string, identifiers: readonly string[]): Promise<void> {
      if (identifiers.length === 0) return;
      await db.$executeRawUnsafe(`DELETE FROM ${TABLE} WHERE scope = ? AND blueprint = ? AND ${IN_LIST}`, scope, blueprint, JSON.stringify(identifiers));
    },

    /** Written again at the next occasion, whatever the mapping gives (drift repair). */
    invalidate: (blueprint: string, identifiers: readonly string[]) => updateSome(blueprint, identifiers, `fingerprint = ''`, []),

    markChecked: (blueprint: string, identifiers: readonly string[], runId: string) => updateSome(blueprint, identifiers, "checkedRunId = ?", [runId]),

    /** Blueprints this scope holds entities of, with how many. */
    async blueprints(): Promise<Map<string, number>> {
      const rows = await db.syncEntityState.groupBy({ by: ["blueprint"], where: { scope }, _count: { _all: true } });
      return new Map(rows.map((r) => [r.blueprint, r._count._all]));
    },

    /** Per blueprint, how many rows this run did not produce. */
    async staleCounts(runId: string): Promise<Map<string, number>> {
      const rows = await db.syncEntityState.groupBy({ by: ["blueprint"], where: { scope, seenRunId: { not: runId } }, _count: { _all: true } });
      return new Map(rows.map((r) => [r.blueprint, r._count._all]));
    },

    /** A page of rows of `blueprint` this run did not produce, in identifier order after `after`. */
    stalePage: (blueprint: string, runId: string, after: string | null, take = PAGE) =>
      db.syncEntityState.findMany({
        where: { scope, blueprint, seenRunId: { not: runId }, ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, kind: true, content: true },
      }),

    /** A page of rows of `blueprint` that this run's check did not find in Port. */
    uncheckedPage: (blueprint: string, runId: string, after: string | null, take = PAGE) =>
      db.syncEntityState.findMany({
        where: { scope, blueprint, OR: [{ checkedRunId: null }, { checkedRunId: { not: runId } }], ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, content: true },
      }),
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
