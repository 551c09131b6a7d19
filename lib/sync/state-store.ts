/**
 * Entity state: what a scope wrote to Port, one row per entity (SyncEntityState). Every
 * call works on a page of identifiers or a page of rows, never on the whole scope, so a
 * run's memory does not grow with the tenant; the set of entities a run produced lives
 * here too (`seenRunId`), not in memory.
 */
import type { Db } from "@/lib/server/db";

/** SQLite binds at most 32,766 parameters; stay well below with room for the others. */
const CHUNK = 500;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface StoredState {
  fingerprint: string;
  /** Canonical JSON of what was written ({title, icon, team, properties, relations}). */
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

export function createStateStore(db: Db, scope: string) {
  const where = (blueprint: string, identifiers: readonly string[]) => ({ scope, blueprint, identifier: { in: [...identifiers] } });

  return {
    scope,

    /** How many entities this scope has written (and not deleted since). */
    count: () => db.syncEntityState.count({ where: { scope } }),

    /** The rows of these identifiers that exist. */
    async load(blueprint: string, identifiers: readonly string[]): Promise<Map<string, StoredState>> {
      const out = new Map<string, StoredState>();
      for (const part of chunks(identifiers)) {
        const rows = await db.syncEntityState.findMany({
          where: where(blueprint, part),
          select: { identifier: true, fingerprint: true, content: true, kind: true, seenRunId: true },
        });
        for (const r of rows) out.set(r.identifier, r);
      }
      return out;
    },

    /** Produced again by this run without a write (unchanged, or a write that failed). */
    async markSeen(blueprint: string, identifiers: readonly string[], runId: string, kind: string): Promise<void> {
      for (const part of chunks(identifiers)) await db.syncEntityState.updateMany({ where: where(blueprint, part), data: { seenRunId: runId, kind } });
    },

    /** Port confirmed these writes: their state is now what was written. */
    async saveWritten(blueprint: string, rows: readonly WrittenState[], runId: string): Promise<void> {
      for (const part of chunks(rows)) {
        await db.$transaction([
          db.syncEntityState.deleteMany({ where: where(blueprint, part.map((r) => r.identifier)) }),
          db.syncEntityState.createMany({ data: part.map((r) => ({ scope, blueprint, ...r, seenRunId: runId })) }),
        ]);
      }
    },

    /** Port no longer holds these (deleted, or found missing): forget them. */
    async remove(blueprint: string, identifiers: readonly string[]): Promise<void> {
      for (const part of chunks(identifiers)) await db.syncEntityState.deleteMany({ where: where(blueprint, part) });
    },

    /** Written again at the next occasion, whatever the mapping gives (drift repair). */
    async invalidate(blueprint: string, identifiers: readonly string[]): Promise<void> {
      for (const part of chunks(identifiers)) await db.syncEntityState.updateMany({ where: where(blueprint, part), data: { fingerprint: "" } });
    },

    async markChecked(blueprint: string, identifiers: readonly string[], runId: string): Promise<void> {
      for (const part of chunks(identifiers)) await db.syncEntityState.updateMany({ where: where(blueprint, part), data: { checkedRunId: runId } });
    },

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
    stalePage: (blueprint: string, runId: string, after: string | null, take = CHUNK) =>
      db.syncEntityState.findMany({
        where: { scope, blueprint, seenRunId: { not: runId }, ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, kind: true, content: true },
      }),

    /** A page of rows of `blueprint` that this run's check did not find in Port. */
    uncheckedPage: (blueprint: string, runId: string, after: string | null, take = CHUNK) =>
      db.syncEntityState.findMany({
        where: { scope, blueprint, OR: [{ checkedRunId: null }, { checkedRunId: { not: runId } }], ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, content: true },
      }),
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
