/** GET: the demo Port's blueprints with entity counts (the Demo catalog page). */
import { json, withSession } from "@/lib/server/http";
import { demoCatalogStore } from "@/lib/simulators/port/app-instance";
import { listCatalogBlueprints } from "@/lib/simulators/port/catalog";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async () => json({ blueprints: await listCatalogBlueprints(demoCatalogStore()) }));
