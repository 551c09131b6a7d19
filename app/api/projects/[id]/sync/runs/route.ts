import { projectRoute } from "@/lib/builder/route";
import { startSyncRequest } from "@/lib/builder/sync-contracts";
import { projectRuns, startProjectRun } from "@/lib/builder/sync-service";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The run history, newest first. */
export const GET = projectRoute("read", async (_request, { deps, projectId }) => json(await projectRuns(deps, projectId)));

/**
 * Queues a run (`{dryRun?, verify?}`) and answers at once with it (202); the runner works
 * on it in the background. 409 while another run of the project is queued or running, or
 * when the project is not ready (no connection, no valid mapping).
 */
export const POST = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, startSyncRequest, { maxBytes: 1_024 });
  return json(await startProjectRun(deps, user.id, projectId, body), { status: 202 });
});
