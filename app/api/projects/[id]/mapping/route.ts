import { saveMappingRequest } from "@/lib/builder/mapping-contracts";
import { getMapping, saveMapping } from "@/lib/builder/mapping-store";
import { projectRoute } from "@/lib/builder/route";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The project's mapping YAML (or, when it has none, the text it starts from). */
export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json(await getMapping(deps, user.id, projectId)));

/** Saves the whole text with the version it was based on (409 when another save came first). */
export const PUT = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, saveMappingRequest);
  return json(await saveMapping(deps, user.id, projectId, body));
});
