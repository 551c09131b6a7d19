import { projectRunRoute } from "@/lib/builder/sync-route";
import { cancelProjectRun, projectRunDetail } from "@/lib/builder/sync-service";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One run with its per-entity errors, its plan or drift, and why deletion was skipped. */
export const GET = projectRunRoute("read", async (_request, { deps, projectId, runId }) => json(await projectRunDetail(deps, projectId, runId)));

/** Cancels the run: a queued one at once, a running one at its next step (nothing is deleted). A finished run is answered as it is. */
export const DELETE = projectRunRoute("edit", async (_request, { deps, projectId, runId }) => json(await cancelProjectRun(deps, projectId, runId)));
