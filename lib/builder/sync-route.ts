/**
 * Route plumbing for `sync/runs/[runId]/...`: projectRoute's session and owner checks
 * (another user's project is a 404 whatever the run id), then the run id from the URL.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { withSession } from "../server/http";
import { assertProjectOwner } from "./access";
import { appBuilderDeps } from "./app-deps";
import type { ProjectCall } from "./route";

type RunRouteContext = { params: Promise<{ id: string; runId?: string }> };

const runIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export function projectRunRoute(handler: (request: Request, call: ProjectCall & { runId: string }) => Promise<Response> | Response) {
  return withSession<RunRouteContext>(async (request, { params }, user) => {
    const deps = appBuilderDeps();
    const { id: projectId, runId } = await params;
    await assertProjectOwner(deps.db, user.id, projectId);
    const parsed = runIdParam.safeParse(runId);
    if (!parsed.success) {
      throw new AppError("sync_run_not_found", "There is no such sync run.", { status: 404, location: { path: "runId" }, hint: "Reload the run history." });
    }
    return handler(request, { deps, user, projectId, runId: parsed.data });
  });
}
