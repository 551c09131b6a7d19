/**
 * The demo Port's endpoints. Each answers in Port's shapes: `{ok:true, ...}` on success,
 * `{ok:false, error, message}` otherwise, and 207 with per-entity errors for bulk upserts.
 */
import { z } from "zod";
import { blueprintSchema, type Blueprint } from "../../port/schemas";
import { deleteEntitiesInStore } from "./entity-deletes";
import { upsertEntitiesInStore, type EntityOutcome, type UpsertFlags } from "./entity-writes";
import { BodyTooLarge, discardBody, portError, portJson, readBodyCapped } from "./http-util";
import type { TokenBucket } from "./rate-limit";
import type { DemoPortStore } from "./store";
import type { DemoTokenIssuer } from "./tokens";

/** Port's limits on one bulk upsert. */
export const BULK_MAX_ENTITIES = 20;
export const BULK_MAX_BYTES = 1024 * 1024;
const DELETE_MAX_ENTITIES = 100;
const SEARCH_MAX_LIMIT = 1000;

export interface RouteContext {
  store: DemoPortStore;
  tokens: DemoTokenIssuer;
  credentials: readonly { clientId: string; clientSecret: string }[];
  bucket?: TokenBucket;
  now: () => number;
  readonly stats: { tokensIssued: number; bulkUpserts: number; bulks: { entities: number; bytes: number }[]; rateLimited: number };
}

/** Upper bound of blueprints in the demo Port (Entra ID needs a handful). */
export const MAX_DEMO_BLUEPRINTS = 200;

class HttpFailure extends Error {
  constructor(readonly response: Response) {
    super("http failure");
  }
}

const fail = (status: number, error: string, message: string): never => {
  throw new HttpFailure(portError(status, error, message));
};

async function readJsonBody(request: Request, maxBytes = BULK_MAX_BYTES): Promise<{ value: unknown; bytes: number }> {
  let text: string;
  try {
    text = await readBodyCapped(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) fail(413, "payload_too_large", `The request body exceeds ${maxBytes} bytes.`);
    throw error;
  }
  try {
    return { value: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
  } catch {
    return fail(400, "invalid_json", "The request body is not valid JSON.");
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(422, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data as z.infer<S>;
}

const flag = (params: URLSearchParams, name: string, fallback: boolean) => {
  const v = params.get(name);
  return v === null ? fallback : v === "true";
};

async function requireBlueprint(store: DemoPortStore, identifier: string): Promise<Blueprint> {
  const bp = await store.getBlueprint(identifier);
  return bp ?? fail(404, "not_found", `Blueprint with identifier "${identifier}" was not found`);
}

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
const bulkBodySchema = z.object({ entities: z.array(z.unknown()) });
const deleteBodySchema = z.object({ entities: z.array(z.string()) });
const searchBodySchema = z.object({ limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(SEARCH_MAX_LIMIT), from: z.string().optional() });
const configBodySchema = z.object({ config: z.record(z.string(), z.unknown()) });

function outcomeError(o: Extract<EntityOutcome, { ok: false }>) {
  return { identifier: o.identifier, index: o.index, statusCode: o.statusCode, error: o.error, message: o.message };
}

async function upsertRoute(ctx: RouteContext, request: Request, params: URLSearchParams, bpId: string, bulk: boolean): Promise<Response> {
  if (bulk && ctx.bucket) {
    const decision = ctx.bucket.take();
    if (!decision.ok) {
      ctx.stats.rateLimited += 1;
      await discardBody(request);
      return portError(429, "rate_limit_exceeded", "Too many bulk upsert requests.", { "retry-after": String(decision.retryAfterSeconds) });
    }
  }
  const { value, bytes } = await readJsonBody(request);
  const blueprint = await requireBlueprint(ctx.store, bpId);
  const flags: UpsertFlags = {
    upsert: flag(params, "upsert", false),
    merge: flag(params, "merge", false),
    createMissingRelated: flag(params, "create_missing_related_entities", false),
  };
  const nowIso = new Date(ctx.now()).toISOString();
  if (!bulk) {
    const [outcome] = await upsertEntitiesInStore(ctx.store, blueprint, [value], flags, nowIso);
    if (!outcome!.ok) return portError(outcome!.statusCode, outcome!.error, outcome!.message);
    return portJson(outcome!.created ? 201 : 200, { ok: true, entity: outcome!.entity });
  }
  const { entities } = parseWith(bulkBodySchema, value);
  if (entities.length === 0) fail(422, "invalid_request", "entities: at least one entity is required");
  if (entities.length > BULK_MAX_ENTITIES) fail(422, "invalid_request", `entities: at most ${BULK_MAX_ENTITIES} entities per bulk request (got ${entities.length})`);
  ctx.stats.bulkUpserts += 1;
  ctx.stats.bulks.push({ entities: entities.length, bytes });
  if (ctx.stats.bulks.length > 10_000) ctx.stats.bulks.shift();
  const outcomes = await upsertEntitiesInStore(ctx.store, blueprint, entities, flags, nowIso);
  const ok = outcomes.filter((o) => o.ok);
  const errors = outcomes.filter((o): o is Extract<EntityOutcome, { ok: false }> => !o.ok).map(outcomeError);
  return portJson(errors.length ? 207 : 200, {
    ok: true,
    entities: ok.map((o) => ({ identifier: o.identifier, index: o.index, created: o.created })),
    errors,
  });
}

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
        if ((await store.listBlueprints()).length >= MAX_DEMO_BLUEPRINTS) {
          return portError(422, "too_many_blueprints", `The demo Port holds at most ${MAX_DEMO_BLUEPRINTS} blueprints; delete some first.`);
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
      if (n === 4 && method === "GET") {
        await requireBlueprint(ctx.store, bpId);
        // Capped like search: one answer must not load a whole large catalog into memory.
        const page = await ctx.store.pageEntities(bpId, { limit: 1_000 });
        return portJson(200, { ok: true, entities: page.entities });
      }
      if (n === 5 && d === "bulk" && method === "POST") return upsertRoute(ctx, request, params, bpId, true);
      if (n === 5 && d === "search" && method === "POST") {
        await requireBlueprint(ctx.store, bpId);
        const body = parseWith(searchBodySchema, (await readJsonBody(request)).value);
        const page = await ctx.store.pageEntities(bpId, { limit: body.limit, after: body.from });
        return portJson(200, { ok: true, entities: page.entities, next: page.next });
      }
      if (n === 5 && (method === "GET" || method === "DELETE")) {
        await requireBlueprint(ctx.store, bpId);
        const id = d!;
        if (method === "GET") {
          const found = (await ctx.store.getEntities(bpId, [id])).get(id);
          return found ? portJson(200, { ok: true, entity: found }) : portError(404, "not_found", `Entity "${id}" of blueprint "${bpId}" was not found`);
        }
        const outcome = await deleteEntitiesInStore(ctx.store, bpId, [id], flag(params, "delete_dependents", false), new Date(ctx.now()).toISOString());
        const [error] = outcome.errors;
        if (error) return portError(error.error === "not_found" ? 404 : 422, error.error, error.message);
        return portJson(200, { ok: true });
      }
    }
    if (c === "bulk" && d === "entities" && e === "delete" && n === 6 && method === "POST") {
      await requireBlueprint(ctx.store, bpId);
      const { entities } = parseWith(deleteBodySchema, (await readJsonBody(request)).value);
      if (entities.length > DELETE_MAX_ENTITIES) fail(422, "invalid_request", `entities: at most ${DELETE_MAX_ENTITIES} identifiers per request`);
      const outcome = await deleteEntitiesInStore(ctx.store, bpId, entities, flag(params, "delete_dependents", false), new Date(ctx.now()).toISOString());
      return portJson(200, { ok: true, deletedEntities: outcome.deleted, errors: outcome.errors });
    }
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
