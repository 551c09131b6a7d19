/**
 * Where the demo Port keeps its catalog. The app uses the Prisma/SQLite store (the app's
 * own database, so the catalog persists and the Demo catalog page can read it); tests and
 * benchmarks may use the in-memory one. Both keep Port's JSON as given.
 */
import type { Blueprint, PortEntity, PortIntegration } from "../../port/schemas";
import type { StoreCap } from "./storage-cap";

/** An entity as the demo Port returns it: Port's fields plus bookkeeping. */
export type StoredEntity = PortEntity & { blueprint: string; createdAt: string; updatedAt: string };

export interface EntityWrite {
  blueprint: string;
  entity: StoredEntity;
  /**
   * `put` replaces (the caller already merged); `create-if-missing` writes only when no
   * entity exists, so a placeholder for a missing related entity never overwrites a real
   * entity that another request wrote in the meantime.
   */
  mode: "put" | "create-if-missing";
}

/** What the entities take: how many, and the bytes of their JSON (UTF-8), summed. */
export interface StoreUsage {
  entities: number;
  bytes: number;
}

/**
 * A page's byte bound: 1,000 entities of the 1 MiB a request may carry would be an answer
 * of 1 GB (a listing once answered 419 MB and took the server to 2.7 GB). 4 MiB holds
 * 1,000 typical entities of about 1 KB; larger ones make shorter pages.
 */
export const LIST_PAGE_MAX_BYTES = 4 * 1024 * 1024;

export interface EntityPageQuery {
  limit: number;
  /**
   * Most bytes of entity JSON in the page; a single entity larger than this still makes
   * a page of its own, so paging moves on. Default: no bound beyond `limit`.
   */
  maxBytes?: number;
  /** Exclusive cursor: the last identifier of the previous page. */
  after?: string;
  /** Case-insensitive substring of the identifier or the title. */
  search?: string;
}

export interface EntityPage {
  entities: StoredEntity[];
  /** Cursor for the next page, or null at the end. */
  next: string | null;
}

export interface DemoPortStore {
  /**
   * Runs `work` in isolation: no other transaction reads or writes in between, so a
   * request's read-modify-write (a merge upsert, a delete with its dependents) cannot
   * lose another request's update. On SQLite it is one database transaction (rolled
   * back when `work` throws); in memory it is a lock (nothing to roll back: callers write
   * last). Calling it on the `tx` store again just runs `work` inside.
   */
  transaction<T>(work: (tx: DemoPortStore) => Promise<T>): Promise<T>;
  getBlueprint(identifier: string): Promise<Blueprint | null>;
  listBlueprints(): Promise<Blueprint[]>;
  /** Inserts or replaces. */
  saveBlueprint(blueprint: Blueprint): Promise<void>;
  /** The entities of `blueprint` among `identifiers` that exist. */
  getEntities(blueprint: string, identifiers: readonly string[]): Promise<Map<string, StoredEntity>>;
  /** Which of `identifiers` exist in `blueprint` (cheaper than loading them). */
  existingIdentifiers(blueprint: string, identifiers: readonly string[]): Promise<Set<string>>;
  /**
   * All writes of one request in one transaction. With `cap`, a set of writes that would
   * take the store past it throws StoreCapExceeded (see storage-cap.ts) and writes nothing.
   */
  writeEntities(writes: readonly EntityWrite[], cap?: StoreCap): Promise<void>;
  /** Deletes and returns the identifiers that existed. */
  deleteEntities(blueprint: string, identifiers: readonly string[]): Promise<string[]>;
  /** Entities of `blueprint` whose relation `relation` holds one of `targets`. */
  findReferencing(blueprint: string, relation: string, targets: readonly string[]): Promise<StoredEntity[]>;
  pageEntities(blueprint: string, query: EntityPageQuery): Promise<EntityPage>;
  /** Entities and bytes held, over all blueprints. */
  usage(): Promise<StoreUsage>;
  /** Entity count per blueprint identifier. */
  countEntities(): Promise<Map<string, number>>;
  getIntegration(identifier: string): Promise<PortIntegration | null>;
  saveIntegration(integration: PortIntegration): Promise<void>;
}
