/**
 * Route plumbing for the builder's project routes: the session guard, the project id
 * from the URL, the owner check before anything else (another user's project is a 404
 * whatever the request holds), and the app's BuilderDeps, so each route file is a few lines.
 */
import { z } from "zod";
import { AppError } from "../errors";
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
