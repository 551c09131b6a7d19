/**
 * Where the demo Port keeps its catalog. The app uses the Prisma/SQLite store (the app's
 * own database, so the catalog persists and the Demo catalog page can read it); tests and
 * benchmarks may use the in-memory one. Both keep Port's JSON as given.
 */
import type { Blueprint, PortEntity, PortIntegration } from "../../port/schemas";

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

export interface EntityPageQuery {
  limit: number;
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
  getBlueprint(identifier: string): Promise<Blueprint | null>;
  listBlueprints(): Promise<Blueprint[]>;
  /** Inserts or replaces. */
  saveBlueprint(blueprint: Blueprint): Promise<void>;
  /** The entities of `blueprint` among `identifiers` that exist. */
  getEntities(blueprint: string, identifiers: readonly string[]): Promise<Map<string, StoredEntity>>;
  /** Which of `identifiers` exist in `blueprint` (cheaper than loading them). */
  existingIdentifiers(blueprint: string, identifiers: readonly string[]): Promise<Set<string>>;
  /** All writes of one request in one transaction. */
  writeEntities(writes: readonly EntityWrite[]): Promise<void>;
  /** Deletes and returns the identifiers that existed. */
  deleteEntities(blueprint: string, identifiers: readonly string[]): Promise<string[]>;
  pageEntities(blueprint: string, query: EntityPageQuery): Promise<EntityPage>;
  /** Entity count per blueprint identifier. */
  countEntities(): Promise<Map<string, number>>;
  getIntegration(identifier: string): Promise<PortIntegration | null>;
  saveIntegration(integration: PortIntegration): Promise<void>;
}
