import { deleteSample, listSamples, loadSample } from "@/lib/builder/samples";
import { endpointParamOf, missingEndpoint, projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Without ?endpoint: the list of samples. With it: that sample's items. */
export const GET = projectRoute("read", async (request, { deps, user, projectId }) => {
  const endpoint = endpointParamOf(request);
  if (endpoint === null) return json({ samples: await listSamples(deps, user.id, projectId) });
  const { summary, items } = await loadSample(deps, user.id, projectId, endpoint);
  return json({ sample: summary, items });
});

export const DELETE = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const endpoint = endpointParamOf(request);
  if (endpoint === null) throw missingEndpoint("endpoint: say which sample to delete.");
  await deleteSample(deps, user.id, projectId, endpoint);
  return new Response(null, { status: 204 });
});
