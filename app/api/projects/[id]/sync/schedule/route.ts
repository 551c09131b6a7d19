import { projectRoute } from "@/lib/builder/route";
import { scheduleRequest } from "@/lib/builder/sync-contracts";
import { projectSchedule, removeProjectSchedule, setProjectSchedule } from "@/lib/builder/sync-service";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The schedule (every N minutes, on or off, the next run time); null when there is none. */
export const GET = projectRoute("read", async (_request, { deps, projectId }) => json(await projectSchedule(deps, projectId)));

/** Sets it: a new interval (or switching it on) counts from now. */
export const PUT = projectRoute("edit", async (request, { deps, projectId }) => {
  const body = await readJson(request, scheduleRequest, { maxBytes: 1_024 });
  return json(await setProjectSchedule(deps, projectId, body));
});

export const DELETE = projectRoute("edit", async (_request, { deps, projectId }) => {
  await removeProjectSchedule(deps, projectId);
  return new Response(null, { status: 204 });
});
