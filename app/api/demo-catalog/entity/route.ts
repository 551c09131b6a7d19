/** GET ?blueprint=&identifier=: one entity's JSON as the demo Port holds it. */
import { json, withSession } from "@/lib/server/http";
import { demoCatalogStore } from "@/lib/simulators/port/app-instance";
import { catalogEntityQuerySchema, getCatalogEntity, notFound, parseCatalogQuery } from "@/lib/simulators/port/catalog";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (request) => {
  const { blueprint, identifier } = parseCatalogQuery(catalogEntityQuerySchema, request.url);
  const entity = await getCatalogEntity(demoCatalogStore(), blueprint, identifier);
  if (!entity) throw notFound(`Entity "${identifier}" of blueprint "${blueprint}"`);
  return json({ entity });
});
