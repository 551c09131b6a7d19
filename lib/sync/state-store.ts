/**
 * Entity state: what a scope wrote to Port, one row per entity (SyncEntityState). Every
 * call works on a page of identifiers or a page of rows, never on the whole scope, so a
 * run's memory does not grow with the tenant; the set of entities a run produced lives
 * here too (`seenRunId`), not in memory.
 *
 * Writes of the hot path (`saveWritten`, `markSeen`) are buffered and flushed together
 * (every BUFFER_ROWS rows or BUFFER_MS): each SQLite commit waits for the disk, on the
 * event loop's thread (better-sqlite3 is synchronous), and one per page stalled the whole
 * pipeline. Reads see the buffer (`load`), and every call that reads or changes the scope
 * as a whole flushes first. A crash loses at most the buffer: those entities are then
 * planned again (an upsert of what Port already holds), never deleted by mistake.
 *
 * A row is "confirmed" when Port holds its content; an unconfirmed one (a create recorded
 * before it was sent, or drift found) is written again at the next occasion. The
 * `fingerprint` column says which: "" is unconfirmed; anything else is confirmed (rows of
 * older versions hold an entity fingerprint there; the content itself is the record now,
 * so a run hashes an entity only when its text differs from what was written).
 */
import type { Db } from "@/lib/server/db";
import { prismaStateSql, type StateSql, type StateUpdate, type UpsertRow } from "./state-sql";

/** Rows per page when the store pages through a scope (reconciliation, drift). */
const PAGE = 500;
const BUFFER_ROWS = 2_000;
const BUFFER_MS = 2_000;

/** The `fingerprint` column of a confirmed row (see above; "" is unconfirmed). */
export const CONFIRMED = "content";

export interface StoredState {
  /** Port holds `content` (see above). */
  confirmed: boolean;
  /** JSON of what was written ({title, icon, team, properties, relations}). */
  content: string;
  kind: string;
  seenRunId: string;
}

export interface WrittenState {
  identifier: string;
  content: string;
  kind: string;
}

interface Buffer {
  /** `blueprint \0 identifier` -> what was written, by which run. */
  written: Map<string, { blueprint: string; row: WrittenState; runId: string; confirmed: boolean }>;
  seen: Map<string, { blueprint: string; identifier: string; runId: string; kind: string }>;
  /** `blueprint \0 identifier` of recorded creates Port has now confirmed. */
  confirmed: Map<string, { blueprint: string; identifier: string }>;
}

const keyOf = (blueprint: string, identifier: string) => `${blueprint}\u0000${identifier}`;
const emptyBuffer = (): Buffer => ({ written: new Map(), seen: new Map(), confirmed: new Map() });
const bufferSize = (b: Buffer) => b.written.size + b.seen.size + b.confirmed.size;

export interface StateStoreOptions {
  /** Where the hot statements go (default: raw SQL through `db`). */
  sql?: StateSql;
  bufferRows?: number;
  bufferMs?: number;
  now?: () => number;
}

export function createStateStore(db: Db, scope: string, options: StateStoreOptions = {}) {
  const now = options.now ?? Date.now;
  const sql = options.sql ?? prismaStateSql(db);
  let buffer = emptyBuffer();
  let inFlight: Buffer | null = null;
  let flushing: Promise<void> | null = null;
  let lastFlush = now();

  const updateSome = async (blueprint: string, identifiers: readonly string[], set: StateUpdate) => {
    if (identifiers.length === 0) return;
    await flush();
    await sql.update(scope, blueprint, identifiers, set);
  };

  async function writeBuffer(b: Buffer): Promise<void> {
    if (b.written.size > 0) {
      const rows = [...b.written.values()].map(({ blueprint, row, runId, confirmed }): UpsertRow => [blueprint, row.identifier, confirmed ? CONFIRMED : "", row.content, row.kind, runId]);
      // As Prisma stores a DateTime in SQLite: ISO text.
      await sql.upsert(scope, rows, new Date(now()).toISOString());
    }
    // Grouped by what they set: one call per blueprint and kind.
    const groups = new Map<string, { blueprint: string; runId: string; kind: string; identifiers: string[] }>();
    for (const s of b.seen.values()) {
      const g = `${s.blueprint}\u0000${s.runId}\u0000${s.kind}`;
      let group = groups.get(g);
      if (!group) groups.set(g, (group = { blueprint: s.blueprint, runId: s.runId, kind: s.kind, identifiers: [] }));
      group.identifiers.push(s.identifier);
    }
    for (const g of groups.values()) await sql.update(scope, g.blueprint, g.identifiers, { seenRunId: g.runId, kind: g.kind });
    // A confirmation sets one short column: the content went to disk with the create's record.
    const confirmedBy = new Map<string, string[]>();
    for (const c of b.confirmed.values()) {
      const ids = confirmedBy.get(c.blueprint);
      if (ids) ids.push(c.identifier);
      else confirmedBy.set(c.blueprint, [c.identifier]);
    }
    for (const [blueprint, identifiers] of confirmedBy) await sql.update(scope, blueprint, identifiers, { fingerprint: CONFIRMED });
  }

  /** Writes what is buffered; concurrent callers share one flush at a time. */
  async function flush(): Promise<void> {
    while (flushing) await flushing;
    if (bufferSize(buffer) === 0) return;
    inFlight = buffer;
    buffer = emptyBuffer();
    lastFlush = now();
    flushing = writeBuffer(inFlight).finally(() => {
      inFlight = null;
      flushing = null;
    });
    await flushing;
  }

  /** After buffering: flush when the buffer is full or old (the caller waits: back pressure). */
  async function maybeFlush(): Promise<void> {
    if (bufferSize(buffer) >= (options.bufferRows ?? BUFFER_ROWS) || now() - lastFlush >= (options.bufferMs ?? BUFFER_MS)) await flush();
  }

  return {
    scope,
    flush,

    /** How many entities this scope has written (and not deleted since). */
    async count() {
      await flush();
      return db.syncEntityState.count({ where: { scope } });
    },

    /** The rows of these identifiers that exist (the buffered writes included). */
    async load(blueprint: string, identifiers: readonly string[]): Promise<Map<string, StoredState>> {
      const out = new Map<string, StoredState>();
      if (identifiers.length === 0) return out;
      for (const [identifier, fingerprint, content, kind, seenRunId] of await sql.load(scope, blueprint, identifiers)) {
        out.set(identifier, { confirmed: fingerprint !== "", content, kind, seenRunId });
      }
      // Newest last: the buffer being written, then the one filling.
      for (const b of inFlight ? [inFlight, buffer] : [buffer]) {
        if (bufferSize(b) === 0) continue;
        for (const identifier of identifiers) {
          const key = keyOf(blueprint, identifier);
          const w = b.written.get(key);
          if (w) out.set(identifier, { confirmed: w.confirmed, content: w.row.content, kind: w.row.kind, seenRunId: w.runId });
          const s = b.seen.get(key);
          const current = out.get(identifier);
          if (s && current) out.set(identifier, { ...current, seenRunId: s.runId, kind: s.kind });
          if (b.confirmed.has(key) && current) out.set(identifier, { ...out.get(identifier)!, confirmed: true });
        }
      }
      return out;
    },

    /** Produced again by this run without a write (unchanged, or a write that failed). */
    async markSeen(blueprint: string, identifiers: readonly string[], runId: string, kind: string): Promise<void> {
      for (const identifier of identifiers) buffer.seen.set(keyOf(blueprint, identifier), { blueprint, identifier, runId, kind });
      await maybeFlush();
    },

    /** Port confirmed these writes: their state is now what was written. */
    async saveWritten(blueprint: string, rows: readonly WrittenState[], runId: string): Promise<void> {
      for (const row of rows) {
        const key = keyOf(blueprint, row.identifier);
        buffer.seen.delete(key);
        buffer.confirmed.delete(key);
        buffer.written.set(key, { blueprint, row, runId, confirmed: true });
      }
      await maybeFlush();
    },

    /**
     * Creates about to be sent, on disk (committed) before Port is asked, unconfirmed: a
     * process killed after Port took them still knows it wrote them (reconciled later),
     * and writes them again next run unless `confirm` came first.
     */
    async recordIntent(blueprint: string, rows: readonly WrittenState[], runId: string): Promise<void> {
      for (const row of rows) {
        const key = keyOf(blueprint, row.identifier);
        buffer.seen.delete(key);
        buffer.confirmed.delete(key);
        buffer.written.set(key, { blueprint, row, runId, confirmed: false });
      }
      await flush();
    },

    /** Port confirmed these recorded creates (`recordIntent`, same run). */
    async confirm(blueprint: string, identifiers: readonly string[]): Promise<void> {
      for (const identifier of identifiers) {
        const key = keyOf(blueprint, identifier);
        const w = buffer.written.get(key);
        if (w) w.confirmed = true;
        else buffer.confirmed.set(key, { blueprint, identifier });
      }
      await maybeFlush();
    },

    /** Port no longer holds these (deleted, or found missing): forget them. */
    async remove(blueprint: string, identifiers: readonly string[]): Promise<void> {
      if (identifiers.length === 0) return;
      await flush();
      await sql.remove(scope, blueprint, identifiers);
    },

    /** Written again at the next occasion, whatever the mapping gives (drift repair). */
    invalidate: (blueprint: string, identifiers: readonly string[]) => updateSome(blueprint, identifiers, { fingerprint: "" }),

    markChecked: (blueprint: string, identifiers: readonly string[], runId: string) => updateSome(blueprint, identifiers, { checkedRunId: runId }),

    /** Blueprints this scope holds entities of, with how many. */
    async blueprints(): Promise<Map<string, number>> {
      await flush();
      const rows = await db.syncEntityState.groupBy({ by: ["blueprint"], where: { scope }, _count: { _all: true } });
      return new Map(rows.map((r) => [r.blueprint, r._count._all]));
    },

    /**
     * Per blueprint, how many rows this run did not produce. As two ranges of the
     * (scope, seenRunId) index: SQLite reads `seenRunId <> ?` by scanning every row of the
     * scope (about 200 ms at 135,000 rows, at the end of every run), the ranges read only
     * the stale rows.
     */
    async staleCounts(runId: string): Promise<Map<string, number>> {
      await flush();
      const rows = await db.$queryRawUnsafe<{ blueprint: string; stale: bigint | number }[]>(
        `SELECT blueprint, count(*) AS stale FROM (
           SELECT blueprint FROM "SyncEntityState" WHERE scope = ? AND seenRunId < ?
           UNION ALL
           SELECT blueprint FROM "SyncEntityState" WHERE scope = ? AND seenRunId > ?
         ) GROUP BY blueprint`,
        scope,
        runId,
        scope,
        runId,
      );
      return new Map(rows.map((r) => [r.blueprint, Number(r.stale)]));
    },

    /** A page of rows of `blueprint` this run did not produce, in identifier order after `after`. */
    stalePage: async (blueprint: string, runId: string, after: string | null, take = PAGE) => {
      await flush();
      return db.syncEntityState.findMany({
        where: { scope, blueprint, seenRunId: { not: runId }, ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, kind: true, content: true },
      });
    },

    /** A page of rows of `blueprint` that this run's check did not find in Port. */
    uncheckedPage: async (blueprint: string, runId: string, after: string | null, take = PAGE) => {
      await flush();
      return db.syncEntityState.findMany({
        where: { scope, blueprint, OR: [{ checkedRunId: null }, { checkedRunId: { not: runId } }], ...(after === null ? {} : { identifier: { gt: after } }) },
        orderBy: { identifier: "asc" },
        take,
        select: { identifier: true, content: true },
      });
    },
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
