/**
 * Read-only views of the demo Port's catalog for the "Demo catalog" page: blueprints
 * with entity counts, a searchable page of one blueprint's entities, one entity.
 */
import { z } from "zod";
import { AppError } from "../../errors";
import type { Blueprint } from "../../port/schemas";
import { LIST_PAGE_MAX_BYTES, type DemoPortStore, type StoredEntity } from "./store";

export interface CatalogBlueprint {
  identifier: string;
  title: string;
  icon?: string;
  entityCount: number;
  properties: { name: string; type: string; format?: string }[];
  relations: { name: string; target: string; many: boolean }[];
}

export interface CatalogEntityRow {
  identifier: string;
  title: string | null;
  updatedAt: string;
  propertyCount: number;
  relationCount: number;
}

export interface CatalogEntityPage {
  entities: CatalogEntityRow[];
  next: string | null;
}

function summarize(bp: Blueprint, count: number): CatalogBlueprint {
  return {
    identifier: bp.identifier,
    title: bp.title,
    icon: bp.icon,
    entityCount: count,
    properties: Object.entries(bp.schema.properties).map(([name, p]) => ({ name, type: p.type, ...(p.format ? { format: p.format } : {}) })),
    relations: Object.entries(bp.relations).map(([name, r]) => ({ name, target: r.target, many: r.many })),
  };
}

export async function listCatalogBlueprints(store: DemoPortStore): Promise<CatalogBlueprint[]> {
  const [blueprints, counts] = await Promise.all([store.listBlueprints(), store.countEntities()]);
  return blueprints.map((bp) => summarize(bp, counts.get(bp.identifier) ?? 0));
}

export async function getCatalogBlueprint(store: DemoPortStore, identifier: string): Promise<Blueprint | null> {
  return store.getBlueprint(identifier);
}

export async function pageCatalogEntities(
  store: DemoPortStore,
  blueprint: string,
  query: { search?: string; after?: string; limit?: number },
): Promise<CatalogEntityPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const page = await store.pageEntities(blueprint, { limit, after: query.after, search: query.search, maxBytes: LIST_PAGE_MAX_BYTES });
  return {
    entities: page.entities.map((e) => ({
      identifier: e.identifier,
      title: e.title ?? null,
      updatedAt: e.updatedAt,
      propertyCount: Object.keys(e.properties).length,
      relationCount: Object.keys(e.relations).length,
    })),
    next: page.next,
  };
}

export async function getCatalogEntity(store: DemoPortStore, blueprint: string, identifier: string): Promise<StoredEntity | null> {
  return (await store.getEntities(blueprint, [identifier])).get(identifier) ?? null;
}

/** Query of the entity table: which blueprint, a search string, the cursor. */
export const catalogEntitiesQuerySchema = z.object({
  blueprint: z.string().min(1),
  search: z.string().max(200).optional(),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const catalogEntityQuerySchema = z.object({ blueprint: z.string().min(1), identifier: z.string().min(1) });
export const catalogBlueprintQuerySchema = z.object({ identifier: z.string().min(1) });

/** Validates a route's query string; a bad one is a 400 that names the parameter. */
export function parseCatalogQuery<S extends z.ZodType>(schema: S, url: string): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join(".") || "query";
    throw new AppError("invalid_request", `${where}: ${issue.message}`, { status: 400, location: { path: where }, hint: "Correct the query parameter." });
  }
  return parsed.data;
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} is not in the demo catalog.`, { status: 404, hint: "Run a sync into the demo Port first, or pick another blueprint." });
}
