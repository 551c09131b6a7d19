import { z } from "zod";
import { deleteSample, listSamples, loadSample } from "@/lib/builder/samples";
import { projectRoute } from "@/lib/builder/route";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const endpointParam = z.string().min(1).max(2_048);

function endpointOf(request: Request): string | null {
  const raw = new URL(request.url).searchParams.get("endpoint");
  if (raw === null) return null;
  const parsed = endpointParam.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_request", "endpoint: give the sampled path, e.g. /users.", { status: 400, location: { path: "endpoint" } });
  return parsed.data;
}

/** Without ?endpoint: the list of samples. With it: that sample's items. */
export const GET = projectRoute(async (request, { deps, user, projectId }) => {
  const endpoint = endpointOf(request);
  if (endpoint === null) return json({ samples: await listSamples(deps, user.id, projectId) });
  const { summary, items } = await loadSample(deps, user.id, projectId, endpoint);
  return json({ sample: summary, items });
});

export const DELETE = projectRoute(async (request, { deps, user, projectId }) => {
  const endpoint = endpointOf(request);
  if (endpoint === null) throw new AppError("invalid_request", "endpoint: say which sample to delete.", { status: 400, location: { path: "endpoint" } });
  await deleteSample(deps, user.id, projectId, endpoint);
  return new Response(null, { status: 204 });
});
