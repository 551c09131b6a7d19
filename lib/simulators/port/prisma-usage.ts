/**
 * What the demo Port's SQLite store holds (entities, bytes of JSON), for its cap. Counting
 * every row on each write would cost a full scan of a large catalog, so the figure is
 * counted once, then kept up to date with what each committed transaction changed.
 * Another process writing to the same database is not seen: the cap is the app's own.
 */
import type { Db } from "../../server/db";
import type { Prisma } from "../../server/db/generated/client";
import type { StoreUsage } from "./store";

type Queries = Db | Prisma.TransactionClient;

export function addUsage(target: StoreUsage, delta: StoreUsage): void {
  target.entities += delta.entities;
  target.bytes += delta.bytes;
}

/** SQLite's own limit is 32,766 variables; 500 per statement stays far below. */
const IDS_PER_STATEMENT = 500;

/** Bytes of the stored JSON of those of `identifiers` that exist in `blueprint`. */
export async function entityBytes(q: Queries, blueprint: string, identifiers: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(identifiers)];
  for (let i = 0; i < unique.length; i += IDS_PER_STATEMENT) {
    const chunk = unique.slice(i, i + IDS_PER_STATEMENT);
    // octet_length reads the size from the record header, without loading the JSON.
    const rows = await q.$queryRawUnsafe<{ identifier: string; bytes: number | bigint }[]>(
      `SELECT "identifier", octet_length("json") AS "bytes" FROM "DemoPortEntity" WHERE "blueprint" = ? AND "identifier" IN (${chunk.map(() => "?").join(", ")})`,
      blueprint,
      ...chunk,
    );
    for (const r of rows) out.set(r.identifier, Number(r.bytes));
  }
  return out;
}

export interface SizedIdentifier {
  identifier: string;
  bytes: number;
}

/** `identifiers` (in their order) with the bytes of their JSON; those that do not exist are left out. */
export async function sizesOf(q: Queries, blueprint: string, identifiers: readonly string[]): Promise<SizedIdentifier[]> {
  const sizes = await entityBytes(q, blueprint, identifiers);
  return identifiers.filter((id) => sizes.has(id)).map((identifier) => ({ identifier, bytes: sizes.get(identifier)! }));
}

/** The first `limit` identifiers of `blueprint` after `after`, in order, with the bytes of their JSON: one indexed query. */
export async function sizesInOrder(q: Queries, blueprint: string, after: string | undefined, limit: number): Promise<SizedIdentifier[]> {
  const rows = await q.$queryRawUnsafe<{ identifier: string; bytes: number | bigint }[]>(
    `SELECT "identifier", octet_length("json") AS "bytes" FROM "DemoPortEntity" WHERE "blueprint" = ?${after === undefined ? "" : ` AND "identifier" > ?`} ORDER BY "identifier" LIMIT ?`,
    ...(after === undefined ? [blueprint, limit] : [blueprint, after, limit]),
  );
  return rows.map((r) => ({ identifier: r.identifier, bytes: Number(r.bytes) }));
}

export interface UsageTally {
  /** The usage a transaction sees: what was committed plus its own `pending` change. */
  current(q: Queries, pending: StoreUsage): Promise<StoreUsage>;
  /** Adds a committed transaction's change. */
  book(delta: StoreUsage): void;
}

export function usageTally(): UsageTally {
  let committed: StoreUsage | null = null;
  return {
    async current(q, pending) {
      if (!committed) {
        const [row] = await q.$queryRawUnsafe<{ entities: number | bigint; bytes: number | bigint | null }[]>(
          `SELECT COUNT(*) AS "entities", COALESCE(SUM(octet_length("json")), 0) AS "bytes" FROM "DemoPortEntity"`,
        );
        // The count already holds this transaction's writes so far; they are booked at commit.
        committed = { entities: Number(row!.entities) - pending.entities, bytes: Number(row!.bytes ?? 0) - pending.bytes };
      }
      return { entities: committed.entities + pending.entities, bytes: committed.bytes + pending.bytes };
    },
    book(delta) {
      if (committed) addUsage(committed, delta);
    },
  };
}
