import { inferSampleFields } from "@/lib/builder/fields";
import { endpointParamOf, missingEndpoint, projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** `?endpoint=/users`: the fields inferred from every item of that sample. */
export const GET = projectRoute("read", async (request, { deps, user, projectId }) => {
  const endpoint = endpointParamOf(request);
  if (endpoint === null) throw missingEndpoint("endpoint: give the sampled path, e.g. /users.");
  return json(await inferSampleFields(deps, user.id, projectId, endpoint));
});
