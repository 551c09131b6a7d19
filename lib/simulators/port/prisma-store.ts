/**
 * The demo Port's store in the app's database (Prisma on SQLite): what a sync into the
 * demo Port wrote survives restarts, and the Demo catalog page reads it. Each request's
 * read-modify-write runs in one interactive transaction (`transaction`); the
 * better-sqlite3 adapter serializes those behind a mutex, so they never interleave.
 */
import type { Db } from "../../server/db";
import type { Prisma } from "../../server/db/generated/client";
import { blueprintSchema, integrationSchema, type Blueprint, type PortIntegration } from "../../port/schemas";
import { addUsage, entityBytes, sizesInOrder, sizesOf, usageTally, type UsageTally } from "./prisma-usage";
import { checkCap, entityKey, prepareWrites, usageDelta, type PreparedWrite } from "./storage-cap";
import type { DemoPortStore, EntityPage, EntityWrite, StoredEntity, StoreUsage } from "./store";
import { setTimeout as sleep } from "node:timers/promises";
import { isSqliteBusy } from "../../server/db/sqlite-errors";

const parseBlueprint = (json: string): Blueprint => blueprintSchema.parse(JSON.parse(json));
const parseEntity = (json: string): StoredEntity => JSON.parse(json) as StoredEntity;

/** SQLite's own limit is 32,766 variables; 6 per row and 500 rows stays far below. */
const ROWS_PER_STATEMENT = 500;

/** `identifiers` in pieces small enough for one statement's variables (a group's members may be 25,000). */
function chunksOf(identifiers: readonly string[]): string[][] {
  const unique = [...new Set(identifiers)];
  return Array.from({ length: Math.ceil(unique.length / ROWS_PER_STATEMENT) }, (_, i) => unique.slice(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT));
}

/**
 * Waiting for the transaction mutex and holding it. Prisma's defaults (2 s and 5 s) are
 * too short when a sync keeps 8 bulk requests queued behind each other on a slow disk.
 */
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

/** Timestamps in the text form the better-sqlite3 adapter writes, so Prisma reads them back. */
const sqliteTimestamp = (iso: string) => iso.replace(/Z$/, "+00:00");

/** The client outside a transaction, or the transaction's client inside one. */
type Queries = Db | Prisma.TransactionClient;

async function insertRows(q: Queries, writes: readonly PreparedWrite[], onConflict: string): Promise<void> {
  for (let i = 0; i < writes.length; i += ROWS_PER_STATEMENT) {
    const rows = writes.slice(i, i + ROWS_PER_STATEMENT);
    const values = rows.flatMap(({ write: w, json }) => [
      w.blueprint,
      w.entity.identifier,
      w.entity.title ?? null,
      json,
      sqliteTimestamp(w.entity.createdAt),
      sqliteTimestamp(w.entity.updatedAt),
    ]);
    // Multi-row INSERT ... ON CONFLICT: a bulk of 20 is one statement instead of 20
    // upserts (each a read and a write through the query engine): about 5x faster.
    await q.$executeRawUnsafe(
      `INSERT INTO "DemoPortEntity" ("blueprint", "identifier", "title", "json", "createdAt", "updatedAt") VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")} ON CONFLICT ("blueprint", "identifier") DO ${onConflict}`,
      ...values,
    );
  }
}

/** SQLite JSON path of a relation, with the name quoted (relation names may hold `-` or `@`). */
const relationPath = (name: string) => `$."relations"."${name.replace(/"/g, '""')}"`;

/**
 * Runs of a transaction another connection refused (SQLITE_BUSY: its commit came between
 * this transaction's read and its write, which no busy timeout waits out), with a growing
 * pause between them: the sync's state thread commits every page, so an immediate retry
 * can meet the next commit too. 12 runs wait about 2.5 s in all.
 */
const BUSY_ATTEMPTS = 12;
const busyPauseMs = (attempt: number) => Math.min(5 * 2 ** attempt, 400);

export function createPrismaStore(db: Db): DemoPortStore {
  const tally = usageTally();
  return storeOn(db, tally, null);
}

/**
 * The store's queries on `q`. `pending` is null outside a transaction (then `transaction`
 * opens one); inside one it collects the usage change of the transaction's writes, booked
 * into `tally` only once the transaction committed (a rollback books nothing).
 */
function storeOn(q: Queries, tally: UsageTally, pending: StoreUsage | null): DemoPortStore {
  /** Runs `work` inside this store's transaction, or in a new one whose usage change is booked on commit. */
  const inTransaction = async <T>(work: (tx: DemoPortStore) => Promise<T>): Promise<T> => {
    if (pending) return work(self);
    for (let attempt = 1; ; attempt++) {
      const mine: StoreUsage = { entities: 0, bytes: 0 };
      try {
        const result = await (q as Db).$transaction((tx) => work(storeOn(tx, tally, mine)), TRANSACTION_OPTIONS);
        tally.book(mine);
        return result;
      } catch (error) {
        // Another connection of the app (the sync's state thread) committed between this
        // transaction's read and its write: SQLite refused the write at once and rolled the
        // transaction back, so running it again from the start is safe.
        if (attempt >= BUSY_ATTEMPTS || !isSqliteBusy(error)) throw error;
        await sleep(busyPauseMs(attempt));
      }
    }
  };
  const self: DemoPortStore = {
    transaction: inTransaction,
    async getBlueprint(identifier) {
      const row = await q.demoPortBlueprint.findUnique({ where: { identifier } });
      return row ? parseBlueprint(row.json) : null;
    },
    async listBlueprints() {
      const rows = await q.demoPortBlueprint.findMany({ orderBy: { identifier: "asc" } });
      return rows.map((r) => parseBlueprint(r.json));
    },
    async saveBlueprint(bp) {
      const json = JSON.stringify(bp);
      await q.demoPortBlueprint.upsert({
        where: { identifier: bp.identifier },
        create: { identifier: bp.identifier, title: bp.title, json },
        update: { title: bp.title, json },
      });
    },
    async getEntities(blueprint, identifiers) {
      const out = new Map<string, StoredEntity>();
      for (const chunk of chunksOf(identifiers)) {
        const rows = await q.demoPortEntity.findMany({ where: { blueprint, identifier: { in: chunk } }, select: { identifier: true, json: true } });
        for (const r of rows) out.set(r.identifier, parseEntity(r.json));
      }
      return out;
    },
    async existingIdentifiers(blueprint, identifiers) {
      const out = new Set<string>();
      for (const chunk of chunksOf(identifiers)) {
        const rows = await q.demoPortEntity.findMany({ where: { blueprint, identifier: { in: chunk } }, select: { identifier: true } });
        for (const r of rows) out.add(r.identifier);
      }
      return out;
    },
    async writeEntities(writes: readonly EntityWrite[], cap) {
      if (writes.length === 0) return;
      if (!pending) return inTransaction((tx) => tx.writeEntities(writes, cap));
      const prepared = prepareWrites(writes);
      const existing = new Map<string, number>();
      for (const blueprint of new Set(writes.map((w) => w.blueprint))) {
        const ids = writes.filter((w) => w.blueprint === blueprint).map((w) => w.entity.identifier);
        for (const [id, bytes] of await entityBytes(q, blueprint, ids)) existing.set(entityKey(blueprint, id), bytes);
      }
      const delta = usageDelta(prepared, existing);
      checkCap(await self.usage(), delta, cap);
      await insertRows(q, prepared.filter((p) => p.write.mode === "create-if-missing"), "NOTHING");
      await insertRows(q, prepared.filter((p) => p.write.mode === "put"), 'UPDATE SET "title" = excluded."title", "json" = excluded."json", "updatedAt" = excluded."updatedAt"');
      addUsage(pending, delta);
    },
    async deleteEntities(blueprint, identifiers) {
      if (!pending) return inTransaction((tx) => tx.deleteEntities(blueprint, identifiers));
      const found = await entityBytes(q, blueprint, identifiers);
      const ids = [...found.keys()];
      for (const chunk of chunksOf(ids)) await q.demoPortEntity.deleteMany({ where: { blueprint, identifier: { in: chunk } } });
      addUsage(pending, { entities: -ids.length, bytes: -[...found.values()].reduce((a, b) => a + b, 0) });
      return ids;
    },
    async findReferencing(blueprint, relation, targets) {
      if (targets.length === 0) return [];
      const found = new Map<string, StoredEntity>();
      for (let i = 0; i < targets.length; i += ROWS_PER_STATEMENT) {
        const chunk = targets.slice(i, i + ROWS_PER_STATEMENT);
        // json_each yields the one value of a single relation, or each item of a many one.
        const rows = await q.$queryRawUnsafe<{ identifier: string; json: string }[]>(
          `SELECT e."identifier", e."json" FROM "DemoPortEntity" e WHERE e."blueprint" = ? AND EXISTS (SELECT 1 FROM json_each(e."json", ?) j WHERE j."value" IN (${chunk.map(() => "?").join(", ")}))`,
          blueprint,
          relationPath(relation),
          ...chunk,
        );
        for (const r of rows) found.set(r.identifier, parseEntity(r.json));
      }
      return [...found.values()];
    },
    async pageEntities(blueprint, query): Promise<EntityPage> {
      const search = query.search?.trim();
      const where = {
        blueprint,
        ...(query.after !== undefined ? { identifier: { gt: query.after } } : {}),
        ...(search ? { OR: [{ identifier: { contains: search } }, { title: { contains: search } }] } : {}),
      };
      const select = { identifier: true, json: true } as const;
      if (query.maxBytes === undefined) {
        const rows = await q.demoPortEntity.findMany({ where, orderBy: { identifier: "asc" }, take: query.limit + 1, select });
        const page = rows.slice(0, query.limit);
        return { entities: page.map((r) => parseEntity(r.json)), next: rows.length > query.limit ? page[page.length - 1]!.identifier : null };
      }
      // Which entities fit is decided on their sizes first: a page of large entities is
      // never loaded whole only to be cut.
      const candidates = search
        ? await sizesOf(q, blueprint, (await q.demoPortEntity.findMany({ where, orderBy: { identifier: "asc" }, take: query.limit + 1, select: { identifier: true } })).map((r) => r.identifier))
        : await sizesInOrder(q, blueprint, query.after, query.limit + 1);
      const chosen: string[] = [];
      let bytes = 0;
      for (const { identifier, bytes: size } of candidates.slice(0, query.limit)) {
        if (chosen.length > 0 && bytes + size > query.maxBytes) break;
        chosen.push(identifier);
        bytes += size;
      }
      if (!chosen.length) return { entities: [], next: null };
      // The chosen ones are the first matches from the first chosen on (a range, not an IN
      // list: 1,000 identifiers are more variables than one statement may bind).
      const rows = await q.demoPortEntity.findMany({
        where: { ...where, identifier: { gte: chosen[0]! } },
        orderBy: { identifier: "asc" },
        take: chosen.length,
        select,
      });
      const next = candidates.length > chosen.length && rows.length ? rows[rows.length - 1]!.identifier : null;
      return { entities: rows.map((r) => parseEntity(r.json)), next };
    },
    async usage() {
      // Counted inside a transaction only: the adapter lets a query outside one see another
      // transaction's uncommitted rows, which would then be booked twice.
      if (!pending) return inTransaction((tx) => tx.usage());
      return tally.current(q, pending);
    },
    async countEntities() {
      const [blueprints, groups] = await Promise.all([
        q.demoPortBlueprint.findMany({ select: { identifier: true } }),
        q.demoPortEntity.groupBy({ by: ["blueprint"], _count: { _all: true } }),
      ]);
      const counts = new Map(blueprints.map((b) => [b.identifier, 0]));
      for (const g of groups) counts.set(g.blueprint, g._count._all);
      return counts;
    },
    async getIntegration(identifier) {
      const row = await q.demoPortIntegration.findUnique({ where: { identifier } });
      return row ? integrationSchema.parse(JSON.parse(row.json)) : null;
    },
    async saveIntegration(rec: PortIntegration) {
      const json = JSON.stringify(rec);
      await q.demoPortIntegration.upsert({ where: { identifier: rec.identifier }, create: { identifier: rec.identifier, json }, update: { json } });
    },
  };
  return self;
}
