import { mappingStart } from "@/lib/builder/mapping-store";
import { projectRoute } from "@/lib/builder/route";
import { assertProjectOwner } from "@/lib/builder/access";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The mapping generated from the project's blueprints and picked fields now (or the corrected seed), to start over from. */
export const GET = projectRoute(async (_request, { deps, user, projectId }) => {
  await assertProjectOwner(deps.db, user.id, projectId);
  return json(await mappingStart(deps, user.id, projectId));
});
