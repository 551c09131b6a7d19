/**
 * The demo Port's store in the app's database (Prisma on SQLite): what a sync into the
 * demo Port wrote survives restarts, and the Demo catalog page reads it. One transaction
 * per bulk request.
 */
import type { Db } from "../../server/db";
import { blueprintSchema, integrationSchema, type Blueprint, type PortIntegration } from "../../port/schemas";
import type { DemoPortStore, EntityPage, EntityWrite, StoredEntity } from "./store";

const parseBlueprint = (json: string): Blueprint => blueprintSchema.parse(JSON.parse(json));
const parseEntity = (json: string): StoredEntity => JSON.parse(json) as StoredEntity;

/** SQLite's own limit is 32,766 variables; 6 per row and 500 rows stays far below. */
const ROWS_PER_STATEMENT = 500;

/** Timestamps in the text form the better-sqlite3 adapter writes, so Prisma reads them back. */
const sqliteTimestamp = (iso: string) => iso.replace(/Z$/, "+00:00");

function insertStatements(db: Db, writes: readonly EntityWrite[], onConflict: string) {
  const out = [];
  for (let i = 0; i < writes.length; i += ROWS_PER_STATEMENT) {
    const rows = writes.slice(i, i + ROWS_PER_STATEMENT);
    const values = rows.flatMap((w) => [
      w.blueprint,
      w.entity.identifier,
      w.entity.title ?? null,
      JSON.stringify(w.entity),
      sqliteTimestamp(w.entity.createdAt),
      sqliteTimestamp(w.entity.updatedAt),
    ]);
    out.push(
      db.$executeRawUnsafe(
        `INSERT INTO "DemoPortEntity" ("blueprint", "identifier", "title", "json", "createdAt", "updatedAt") VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")} ON CONFLICT ("blueprint", "identifier") DO ${onConflict}`,
        ...values,
      ),
    );
  }
  return out;
}

export function createPrismaStore(db: Db): DemoPortStore {
  return {
    async getBlueprint(identifier) {
      const row = await db.demoPortBlueprint.findUnique({ where: { identifier } });
      return row ? parseBlueprint(row.json) : null;
    },
    async listBlueprints() {
      const rows = await db.demoPortBlueprint.findMany({ orderBy: { identifier: "asc" } });
      return rows.map((r) => parseBlueprint(r.json));
    },
    async saveBlueprint(bp) {
      const json = JSON.stringify(bp);
      await db.demoPortBlueprint.upsert({
        where: { identifier: bp.identifier },
        create: { identifier: bp.identifier, title: bp.title, json },
        update: { title: bp.title, json },
      });
    },
    async getEntities(blueprint, identifiers) {
      const rows = await db.demoPortEntity.findMany({ where: { blueprint, identifier: { in: [...identifiers] } }, select: { identifier: true, json: true } });
      return new Map(rows.map((r) => [r.identifier, parseEntity(r.json)]));
    },
    async existingIdentifiers(blueprint, identifiers) {
      const rows = await db.demoPortEntity.findMany({ where: { blueprint, identifier: { in: [...identifiers] } }, select: { identifier: true } });
      return new Set(rows.map((r) => r.identifier));
    },
    async writeEntities(writes: readonly EntityWrite[]) {
      if (writes.length === 0) return;
      // Multi-row INSERT ... ON CONFLICT: a bulk of 20 is one statement instead of 20
      // upserts (each a read and a write through the query engine): about 5x faster.
      const statements = [
        ...insertStatements(db, writes.filter((w) => w.mode === "create-if-missing"), "NOTHING"),
        ...insertStatements(db, writes.filter((w) => w.mode === "put"), 'UPDATE SET "title" = excluded."title", "json" = excluded."json", "updatedAt" = excluded."updatedAt"'),
      ];
      await db.$transaction(statements);
    },
    async deleteEntities(blueprint, identifiers) {
      return db.$transaction(async (tx) => {
        const rows = await tx.demoPortEntity.findMany({ where: { blueprint, identifier: { in: [...identifiers] } }, select: { identifier: true } });
        await tx.demoPortEntity.deleteMany({ where: { blueprint, identifier: { in: rows.map((r) => r.identifier) } } });
        return rows.map((r) => r.identifier);
      });
    },
    async pageEntities(blueprint, query): Promise<EntityPage> {
      const search = query.search?.trim();
      const rows = await db.demoPortEntity.findMany({
        where: {
          blueprint,
          ...(query.after !== undefined ? { identifier: { gt: query.after } } : {}),
          ...(search ? { OR: [{ identifier: { contains: search } }, { title: { contains: search } }] } : {}),
        },
        orderBy: { identifier: "asc" },
        take: query.limit + 1,
        select: { identifier: true, json: true },
      });
      const page = rows.slice(0, query.limit);
      return { entities: page.map((r) => parseEntity(r.json)), next: rows.length > query.limit ? page[page.length - 1]!.identifier : null };
    },
    async countEntities() {
      const [blueprints, groups] = await Promise.all([
        db.demoPortBlueprint.findMany({ select: { identifier: true } }),
        db.demoPortEntity.groupBy({ by: ["blueprint"], _count: { _all: true } }),
      ]);
      const counts = new Map(blueprints.map((b) => [b.identifier, 0]));
      for (const g of groups) counts.set(g.blueprint, g._count._all);
      return counts;
    },
    async getIntegration(identifier) {
      const row = await db.demoPortIntegration.findUnique({ where: { identifier } });
      return row ? integrationSchema.parse(JSON.parse(row.json)) : null;
    },
    async saveIntegration(rec: PortIntegration) {
      const json = JSON.stringify(rec);
      await db.demoPortIntegration.upsert({ where: { identifier: rec.identifier }, create: { identifier: rec.identifier, json }, update: { json } });
    },
  };
}
