/** GET ?blueprint=&search=&after=&limit=: a page of the entity table. */
import { json, withSession } from "@/lib/server/http";
import { demoCatalogStore } from "@/lib/simulators/port/app-instance";
import { catalogEntitiesQuerySchema, pageCatalogEntities, parseCatalogQuery } from "@/lib/simulators/port/catalog";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (request) => {
  const { blueprint, ...query } = parseCatalogQuery(catalogEntitiesQuerySchema, request.url);
  return json(await pageCatalogEntities(demoCatalogStore(), blueprint, query));
});
