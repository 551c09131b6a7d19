import { exploreRequest } from "@/lib/builder/contracts";
import { sendExplore } from "@/lib/builder/explore";
import { projectRoute } from "@/lib/builder/route";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, exploreRequest);
  return json(await sendExplore(deps, user.id, projectId, body));
});
