/**
 * Route plumbing for the builder's project routes: the session guard, the project id
 * from the URL, the access check before anything else (a project the caller cannot see
 * is a 404 whatever the request holds), and the app's BuilderDeps, so each route file is
 * a few lines.
 *
 * The level each route asks for is its own first argument, so it is read where the route
 * is written:
 * - "read": GETs, and a mapping preview over samples already stored (it changes nothing
 *   and calls nobody).
 * - "edit": anything that changes the project, its documents, samples, connections, runs
 *   or schedules, and anything that spends the project's secrets to call Graph or Port
 *   (explore, fetch-all, connection tests, preview samples fetched from Graph, blueprint
 *   push, sync runs) - a read share must not be able to use the owner's credentials.
 * The lib/builder functions behind a route check only "read" again (the route checked the
 * level).
 */
import { z } from "zod";
import { AppError } from "../errors";
import { withSession } from "../server/http";
import type { SessionUser } from "../server/auth/session";
import { assertProjectAccess, type AccessNeed, type ProjectAccessGrant } from "./access";
import { appBuilderDeps } from "./app-deps";
import type { BuilderDeps } from "./deps";

export type ProjectRouteContext = { params: Promise<{ id: string }> };

export interface ProjectCall {
  deps: BuilderDeps;
  user: SessionUser;
  projectId: string;
  /** The caller's access (owner, or the share's level) and who owns the project. */
  grant: ProjectAccessGrant;
}

export function projectRoute(need: AccessNeed, handler: (request: Request, call: ProjectCall) => Promise<Response> | Response) {
  return withSession<ProjectRouteContext>(async (request, { params }, user) => {
    const deps = appBuilderDeps();
    const projectId = (await params).id;
    const grant = await assertProjectAccess(deps.db, user.id, projectId, need);
    return handler(request, { deps, user, projectId, grant });
  });
}

const endpointParam = z.string().min(1).max(2_048);

/** `?endpoint=/users` (a sampled path), or null when the request names none; a bad one is a 400. */
export function endpointParamOf(request: Request): string | null {
  const raw = new URL(request.url).searchParams.get("endpoint");
  if (raw === null) return null;
  const parsed = endpointParam.safeParse(raw);
  if (!parsed.success) throw missingEndpoint("endpoint: give the sampled path, e.g. /users.");
  return parsed.data;
}

export function missingEndpoint(message: string): AppError {
  return new AppError("invalid_request", message, { status: 400, location: { path: "endpoint" } });
}
