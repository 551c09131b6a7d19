import { mappingStart } from "@/lib/builder/mapping-store";
import { projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The mapping generated from the project's blueprints and picked fields now (or the corrected seed), to start over from. */
export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json(await mappingStart(deps, user.id, projectId)));
