/**
 * Route plumbing for `sync/runs/[runId]/...`: projectRoute's session and access checks
 * (a project the caller cannot see is a 404 whatever the run id), then the run id from the URL.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { withSession } from "../server/http";
import { assertProjectAccess, type AccessNeed } from "./access";
import { appBuilderDeps } from "./app-deps";
import type { ProjectCall } from "./route";

type RunRouteContext = { params: Promise<{ id: string; runId?: string }> };

const runIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export function projectRunRoute(need: AccessNeed, handler: (request: Request, call: ProjectCall & { runId: string }) => Promise<Response> | Response) {
  return withSession<RunRouteContext>(async (request, { params }, user) => {
    const deps = appBuilderDeps();
    const { id: projectId, runId } = await params;
    const grant = await assertProjectAccess(deps.db, user.id, projectId, need);
    const parsed = runIdParam.safeParse(runId);
    if (!parsed.success) {
      throw new AppError("sync_run_not_found", "There is no such sync run.", { status: 404, location: { path: "runId" }, hint: "Reload the run history." });
    }
    return handler(request, { deps, user, projectId, grant, runId: parsed.data });
  });
}
