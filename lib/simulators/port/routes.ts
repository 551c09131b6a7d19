/**
 * The demo Port's endpoints. Each answers in Port's shapes: `{ok:true, ...}` on success,
 * `{ok:false, error, message}` otherwise, and 207 with per-entity errors for bulk upserts.
 */
import { z } from "zod";
import { blueprintSchema, type Blueprint } from "../../port/schemas";
import { bulkDeleteRoute, deleteEntityRoute, getEntityRoute, listRoute, requireBlueprint, searchRoute, upsertRoute, type RouteContext } from "./entity-routes";
import { portError, portJson } from "./http-util";
import { HttpFailure, fail, parseWith, readJsonBody } from "./request-body";
import type { DemoPortStore } from "./store";

export type { RouteContext } from "./entity-routes";

/** Upper bound of blueprints in the demo Port (Entra ID needs a handful). */
export { DEMO_PORT_MAX_BLUEPRINTS as MAX_DEMO_BLUEPRINTS } from "./storage-cap";

async function checkRelationTargets(store: DemoPortStore, bp: Blueprint): Promise<void> {
  for (const [name, rel] of Object.entries(bp.relations)) {
    if (rel.target !== bp.identifier && !(await store.getBlueprint(rel.target))) {
      fail(404, "not_found", `relation "${name}" targets blueprint "${rel.target}", which does not exist`);
    }
  }
}

function authorize(ctx: RouteContext, request: Request): void {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token || !ctx.tokens.verify(token)) fail(401, "unauthorized", "Missing, invalid or expired access token.");
}

const tokenRequestSchema = z.object({ clientId: z.string(), clientSecret: z.string() });
const configBodySchema = z.object({ config: z.record(z.string(), z.unknown()) });

/** Answers one request; `path` is without the /api/sim/port prefix. */
export async function routeRequest(ctx: RouteContext, request: Request, path: string, params: URLSearchParams): Promise<Response> {
  try {
    return await dispatch(ctx, request, path, params);
  } catch (error) {
    if (error instanceof HttpFailure) return error.response;
    throw error;
  }
}

async function dispatch(ctx: RouteContext, request: Request, path: string, params: URLSearchParams): Promise<Response> {
  const method = request.method;
  let seg: string[];
  try {
    seg = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return portError(400, "invalid_request", "The path is not valid percent-encoding.");
  }
  const [v1, a, b, c, d, e] = seg;
  const n = seg.length;

  if (method === "POST" && v1 === "v1" && a === "auth" && b === "access_token" && n === 3) {
    const { value } = await readJsonBody(request, 64 * 1024);
    const body = parseWith(tokenRequestSchema, value);
    const match = ctx.credentials.some((cr) => cr.clientId === body.clientId && cr.clientSecret === body.clientSecret);
    if (!match) return portError(401, "unauthorized", "The client id or client secret is wrong.");
    ctx.stats.tokensIssued += 1;
    return portJson(200, { ok: true, ...ctx.tokens.issue(body.clientId), tokenType: "Bearer" });
  }

  // Like Port: without a valid token every other path is 401, even one that does not exist.
  authorize(ctx, request);
  if (v1 !== "v1") return portError(404, "not_found", `No route ${method} ${path}`);

  if (a === "blueprints") {
    if (n === 2 && method === "GET") return portJson(200, { ok: true, blueprints: await ctx.store.listBlueprints() });
    if (n === 2 && method === "POST") {
      const bp = parseWith(blueprintSchema, (await readJsonBody(request)).value);
      // Check and write in one transaction: two creates of one identifier cannot both succeed.
      return ctx.store.transaction(async (store) => {
        if (await store.getBlueprint(bp.identifier)) return portError(409, "identifier_taken", `Blueprint "${bp.identifier}" already exists`);
        // The demo Port lives in the app's database and its credentials are public: bound it.
        if ((await store.listBlueprints()).length >= ctx.maxBlueprints) {
          return portError(422, "too_many_blueprints", `The demo Port holds at most ${ctx.maxBlueprints} blueprints; delete some first (or raise DEMO_PORT_MAX_BLUEPRINTS).`);
        }
        await checkRelationTargets(store, bp);
        await store.saveBlueprint(bp);
        return portJson(200, { ok: true, blueprint: bp });
      });
    }
    const bpId = b!;
    if (n === 3 && method === "GET") return portJson(200, { ok: true, blueprint: await requireBlueprint(ctx.store, bpId) });
    if (n === 3 && method === "PATCH") {
      const patch = parseWith(z.record(z.string(), z.unknown()), (await readJsonBody(request)).value);
      // Read, patch and write in one transaction, so concurrent patches do not undo each other.
      return ctx.store.transaction(async (store) => {
        const current = await requireBlueprint(store, bpId);
        const next = parseWith(blueprintSchema, { ...current, ...patch, identifier: current.identifier });
        await checkRelationTargets(store, next);
        await store.saveBlueprint(next);
        return portJson(200, { ok: true, blueprint: next });
      });
    }
    if (c === "entities") {
      if (n === 4 && method === "POST") return upsertRoute(ctx, request, params, bpId, false);
      if (n === 4 && method === "GET") return listRoute(ctx, bpId);
      if (n === 5 && d === "bulk" && method === "POST") return upsertRoute(ctx, request, params, bpId, true);
      if (n === 5 && d === "search" && method === "POST") return searchRoute(ctx, request, bpId);
      if (n === 5 && method === "GET") return getEntityRoute(ctx, bpId, d!);
      if (n === 5 && method === "DELETE") return deleteEntityRoute(ctx, params, bpId, d!);
    }
    if (c === "bulk" && d === "entities" && e === "delete" && n === 6 && method === "POST") return bulkDeleteRoute(ctx, request, params, bpId);
  }

  if (a === "integration" && b) {
    const current = await ctx.store.getIntegration(b);
    if (!current) return portError(404, "not_found", `Integration "${b}" was not found`);
    if (n === 3 && method === "GET") return portJson(200, { ok: true, integration: current });
    if (n === 4 && c === "config" && method === "PATCH") {
      const { config } = parseWith(configBodySchema, (await readJsonBody(request)).value);
      const next = { ...current, config };
      await ctx.store.saveIntegration(next);
      return portJson(200, { ok: true, integration: next });
    }
  }

  return portError(404, "not_found", `No route ${method} ${path}`);
}
