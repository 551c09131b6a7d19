import { previewSampleRequest } from "@/lib/builder/mapping-contracts";
import { fetchPreviewSample } from "@/lib/builder/mapping-preview-samples";
import { projectRoute } from "@/lib/builder/route";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A bounded sample of Graph pages read as one resource asks (kind, query_params, headers), for the preview. */
export const POST = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, previewSampleRequest);
  return json(await fetchPreviewSample(deps, user.id, projectId, body, request.signal));
});
