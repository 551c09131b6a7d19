/**
 * The demo Port's entity endpoints: upsert (single and bulk), read, list and search,
 * delete (single and bulk). Port's shapes: `{ok:true, ...}`, `{ok:false, error, message}`,
 * and 207 with per-entity errors for bulk upserts.
 */
import { z } from "zod";
import { BULK_MAX_ENTITIES, DELETE_MAX_ENTITIES, SEARCH_MAX_PAGE } from "../../port/limits";
import type { Blueprint } from "../../port/schemas";
import { deleteEntitiesInStore } from "./entity-deletes";
import { upsertEntitiesInStore, type EntityOutcome, type UpsertFlags } from "./entity-writes";
import { discardBody, portError, portJson } from "./http-util";
import type { TokenBucket } from "./rate-limit";
import { fail, parseWith, readJsonBody } from "./request-body";
import { StoreCapExceeded, type StoreCap } from "./storage-cap";
import type { DemoPortStore } from "./store";
import type { DemoTokenIssuer } from "./tokens";

export interface RouteContext {
  store: DemoPortStore;
  tokens: DemoTokenIssuer;
  credentials: readonly { clientId: string; clientSecret: string }[];
  /** Bulk upserts' rate limit; none when off. */
  bulkBucket?: TokenBucket;
  /** Single-entity upserts' rate limit; none when off. */
  singleBucket?: TokenBucket;
  /** The most the store may hold; none when unbounded. */
  cap?: StoreCap;
  /** Most bytes of entity JSON in one page of a listing or a search. */
  listPageMaxBytes: number;
  /** Most blueprints the store may hold. */
  maxBlueprints: number;
  now: () => number;
  readonly stats: { tokensIssued: number; bulkUpserts: number; bulks: { entities: number; bytes: number }[]; rateLimited: number };
}

const bulkBodySchema = z.object({ entities: z.array(z.unknown()) });
const deleteBodySchema = z.object({ entities: z.array(z.string()).min(1).max(DELETE_MAX_ENTITIES) });
const searchBodySchema = z.object({ limit: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(SEARCH_MAX_PAGE), from: z.string().optional() });

const flag = (params: URLSearchParams, name: string, fallback: boolean) => {
  const v = params.get(name);
  return v === null ? fallback : v === "true";
};

export async function requireBlueprint(store: DemoPortStore, identifier: string): Promise<Blueprint> {
  const bp = await store.getBlueprint(identifier);
  return bp ?? fail(404, "not_found", `Blueprint with identifier "${identifier}" was not found`);
}

function outcomeError(o: Extract<EntityOutcome, { ok: false }>) {
  return { identifier: o.identifier, index: o.index, statusCode: o.statusCode, error: o.error, message: o.message };
}

/** 429 with Retry-After when `bucket` is empty (the body is thrown away unread). */
async function rateLimited(ctx: RouteContext, request: Request, bucket: TokenBucket | undefined, what: string): Promise<Response | null> {
  const decision = bucket?.take();
  if (!decision || decision.ok) return null;
  ctx.stats.rateLimited += 1;
  const headers = await discardBody(request);
  return portError(429, "rate_limit_exceeded", `Too many ${what} requests.`, { ...headers, "retry-after": String(decision.retryAfterSeconds) });
}

/** Upserts into the store; a write past the store's cap is refused whole with 409. */
async function upsertWithinCap(ctx: RouteContext, blueprint: Blueprint, raws: readonly unknown[], flags: UpsertFlags): Promise<EntityOutcome[]> {
  try {
    return await upsertEntitiesInStore(ctx.store, blueprint, raws, flags, new Date(ctx.now()).toISOString(), ctx.cap);
  } catch (error) {
    if (error instanceof StoreCapExceeded) fail(409, "demo_port_full", error.message);
    throw error;
  }
}

export async function upsertRoute(ctx: RouteContext, request: Request, params: URLSearchParams, bpId: string, bulk: boolean): Promise<Response> {
  const limited = await rateLimited(ctx, request, bulk ? ctx.bulkBucket : ctx.singleBucket, bulk ? "bulk upsert" : "single entity upsert");
  if (limited) return limited;
  const { value, bytes } = await readJsonBody(request);
  const blueprint = await requireBlueprint(ctx.store, bpId);
  const flags: UpsertFlags = {
    upsert: flag(params, "upsert", false),
    merge: flag(params, "merge", false),
    createMissingRelated: flag(params, "create_missing_related_entities", false),
  };
  if (!bulk) {
    const [outcome] = await upsertWithinCap(ctx, blueprint, [value], flags);
    if (!outcome!.ok) return portError(outcome!.statusCode, outcome!.error, outcome!.message);
    return portJson(outcome!.created ? 201 : 200, { ok: true, entity: outcome!.entity });
  }
  const { entities } = parseWith(bulkBodySchema, value);
  if (entities.length === 0) fail(422, "invalid_request", "entities: at least one entity is required");
  if (entities.length > BULK_MAX_ENTITIES) fail(422, "invalid_request", `entities: at most ${BULK_MAX_ENTITIES} entities per bulk request (got ${entities.length})`);
  ctx.stats.bulkUpserts += 1;
  ctx.stats.bulks.push({ entities: entities.length, bytes });
  if (ctx.stats.bulks.length > 10_000) ctx.stats.bulks.shift();
  const outcomes = await upsertWithinCap(ctx, blueprint, entities, flags);
  const ok = outcomes.filter((o) => o.ok);
  const errors = outcomes.filter((o): o is Extract<EntityOutcome, { ok: false }> => !o.ok).map(outcomeError);
  return portJson(errors.length ? 207 : 200, {
    ok: true,
    entities: ok.map((o) => ({ identifier: o.identifier, index: o.index, created: o.created })),
    errors,
  });
}

/** `GET .../entities`: the first page (bounded like a search page); `next` continues in a search. */
export async function listRoute(ctx: RouteContext, bpId: string): Promise<Response> {
  await requireBlueprint(ctx.store, bpId);
  const page = await ctx.store.pageEntities(bpId, { limit: SEARCH_MAX_PAGE, maxBytes: ctx.listPageMaxBytes });
  return portJson(200, { ok: true, entities: page.entities, next: page.next });
}

export async function searchRoute(ctx: RouteContext, request: Request, bpId: string): Promise<Response> {
  await requireBlueprint(ctx.store, bpId);
  const body = parseWith(searchBodySchema, (await readJsonBody(request)).value);
  const page = await ctx.store.pageEntities(bpId, { limit: body.limit, after: body.from, maxBytes: ctx.listPageMaxBytes });
  return portJson(200, { ok: true, entities: page.entities, next: page.next });
}

export async function getEntityRoute(ctx: RouteContext, bpId: string, id: string): Promise<Response> {
  await requireBlueprint(ctx.store, bpId);
  const found = (await ctx.store.getEntities(bpId, [id])).get(id);
  return found ? portJson(200, { ok: true, entity: found }) : portError(404, "not_found", `Entity "${id}" of blueprint "${bpId}" was not found`);
}

/** `DELETE .../entities/{id}`: 404 when missing, 422 has_dependents when a required relation points at it. */
export async function deleteEntityRoute(ctx: RouteContext, params: URLSearchParams, bpId: string, id: string): Promise<Response> {
  await requireBlueprint(ctx.store, bpId);
  const outcome = await deleteEntitiesInStore(ctx.store, bpId, [id], flag(params, "delete_dependents", false), new Date(ctx.now()).toISOString());
  if (outcome.missing.length) return portError(404, "not_found", `Entity "${id}" of blueprint "${bpId}" was not found`);
  const [refusal] = outcome.refused;
  if (refusal) return portError(422, refusal.error, refusal.message);
  return portJson(200, { ok: true });
}

/**
 * `POST .../bulk/entities/delete?delete_dependents=true|false` `{"entities":[ids]}`, as Port
 * does it: the flag is required; 1..100 identifiers; all or nothing. The answer is
 * exactly `{ok:true, deletedEntities}` (identifiers that did not exist are simply not in
 * it). A refused batch (delete_dependents=false and an identifier has dependents) is 422
 * `{ok:false, error:"has_dependents", message}` naming the first blocked entity and its
 * dependents; nothing of the batch is deleted.
 */
export async function bulkDeleteRoute(ctx: RouteContext, request: Request, params: URLSearchParams, bpId: string): Promise<Response> {
  const { value } = await readJsonBody(request);
  const raw = params.get("delete_dependents");
  if (raw !== "true" && raw !== "false") {
    fail(400, "invalid_request", `delete_dependents: required query parameter, "true" or "false" (got ${raw === null ? "none" : JSON.stringify(raw)})`);
  }
  await requireBlueprint(ctx.store, bpId);
  const { entities } = parseWith(deleteBodySchema, value);
  const outcome = await deleteEntitiesInStore(ctx.store, bpId, entities, raw === "true", new Date(ctx.now()).toISOString());
  const [first, ...others] = outcome.refused;
  if (first) {
    const more = others.length ? ` ${others.length} more of the batch also have dependents (${others.slice(0, 5).map((r) => JSON.stringify(r.identifier)).join(", ")}${others.length > 5 ? ", ..." : ""}).` : "";
    return portError(422, "has_dependents", `Nothing was deleted: the batch is deleted all or nothing. ${first.message}${more}`);
  }
  return portJson(200, { ok: true, deletedEntities: outcome.deleted });
}
