/**
 * Route plumbing for the builder's project routes: the session guard, the project id
 * from the URL, the owner check before anything else (another user's project is a 404
 * whatever the request holds), and the app's BuilderDeps, so each route file is a few lines.
 */
import { withSession } from "../server/http";
import type { SessionUser } from "../server/auth/session";
import { assertProjectOwner } from "./access";
import { appBuilderDeps } from "./app-deps";
import type { BuilderDeps } from "./deps";

export type ProjectRouteContext = { params: Promise<{ id: string }> };

export interface ProjectCall {
  deps: BuilderDeps;
  user: SessionUser;
  projectId: string;
}

export function projectRoute(handler: (request: Request, call: ProjectCall) => Promise<Response> | Response) {
  return withSession<ProjectRouteContext>(async (request, { params }, user) => {
    const deps = appBuilderDeps();
    const projectId = (await params).id;
    await assertProjectOwner(deps.db, user.id, projectId);
    return handler(request, { deps, user, projectId });
  });
}
