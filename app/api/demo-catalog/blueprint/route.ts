/** GET ?identifier=: one blueprint of the demo Port, as Port's JSON. */
import { json, withSession } from "@/lib/server/http";
import { demoCatalogStore } from "@/lib/simulators/port/app-instance";
import { catalogBlueprintQuerySchema, getCatalogBlueprint, notFound, parseCatalogQuery } from "@/lib/simulators/port/catalog";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (request) => {
  const { identifier } = parseCatalogQuery(catalogBlueprintQuerySchema, request.url);
  const blueprint = await getCatalogBlueprint(demoCatalogStore(), identifier);
  if (!blueprint) throw notFound(`Blueprint "${identifier}"`);
  return json({ blueprint });
});
