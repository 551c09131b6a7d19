import { z } from "zod";
import { inferSampleFields } from "@/lib/builder/fields";
import { projectRoute } from "@/lib/builder/route";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const endpointParam = z.string().min(1).max(2_048);

/** `?endpoint=/users`: the fields inferred from every item of that sample. */
export const GET = projectRoute(async (request, { deps, user, projectId }) => {
  const parsed = endpointParam.safeParse(new URL(request.url).searchParams.get("endpoint"));
  if (!parsed.success) throw new AppError("invalid_request", "endpoint: give the sampled path, e.g. /users.", { status: 400, location: { path: "endpoint" } });
  return json(await inferSampleFields(deps, user.id, projectId, parsed.data));
});
