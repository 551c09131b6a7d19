/**
 * Read endpoints over the demo tenant's collections: lists with paging, `$filter`,
 * `$search`, `$orderby`, `$count`, `$expand=members`; single objects. Member lists live in
 * members.ts; auth and routing in graph-api.ts.
 */
import { COLLECTIONS, type CollectionKind, type GraphObject } from "./data";
import { evaluateFilter, filterReads } from "./filter";
import { sortedIds, sortKey } from "./order-index";
import { isPosition, nextLink, scan, scanBudget, type PageTokens } from "./paging";
import { project, projectMember } from "./project";
import { matchesSearch, parseQuery, type QueryOptions } from "./query";
import { repeatedParams, type RequestQuery } from "./query-options";
import { notFound, SimError } from "./responses";
import type { DemoTenant } from "./tenant";

export const DEFAULT_PAGE_SIZE = 100;
export const SIGN_IN_ACTIVITY_PAGE_CAP = 120;
export const EXPAND_MEMBERS_CAP = 20;

export interface EndpointContext {
  tenant: DemoTenant;
  /** The request's query options, read once (query-options.ts). */
  query: RequestQuery;
  headers: Headers;
  /** Signs and checks this simulator's page and delta tokens. */
  tokens: PageTokens;
  /** `{origin}{prefix}/v1.0`: what links and contexts start with. */
  graphBase: string;
  premium: boolean;
  roles: readonly string[];
  /** The simulator's clock (ms), for delta token expiry. */
  now: number;
}

/** signInActivity: Entra ID P1/P2 and AuditLog.Read.All, and at most 120 per page. */
function checkSignInActivity(ctx: EndpointContext, q: QueryOptions): number {
  const reads = q.select?.includes("signInActivity") || (q.filter !== null && filterReads(q.filter, "signInActivity"));
  if (!reads) return Infinity;
  if (!ctx.premium) {
    throw new SimError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
  }
  if (!ctx.roles.includes("AuditLog.Read.All")) {
    throw new SimError(403, "Authentication_MSGraphPermissionMissing", "Calling principal does not have required MSGraph permissions AuditLog.Read.All");
  }
  return SIGN_IN_ACTIVITY_PAGE_CAP;
}

export function contextUrl(ctx: EndpointContext, set: string, select: string[] | null, suffix = ""): string {
  return `${ctx.graphBase}/$metadata#${set}${select ? `(${select.join(",")})` : ""}${suffix}`;
}

/** Where a page starts: 0, or the position in the `$skiptoken` sealed for this list (`scope`). */
export function startPosition(ctx: EndpointContext, scope: string, q: QueryOptions): number {
  return q.skiptoken === null ? 0 : ctx.tokens.openPage(scope, q.skiptoken, isPosition).p;
}

/** The nextLink of a list whose next page starts at `state` (sealed for `scope`). */
export function pageLink(ctx: EndpointContext, linkBase: string, scope: string, state: unknown): string {
  return nextLink(linkBase, repeatedParams(ctx.query), ctx.tokens.seal(scope, state));
}

function expandMembers(ctx: EndpointContext, groupIndex: number, select: string[] | null): GraphObject[] {
  const members = ctx.tenant.membersOf(groupIndex);
  const out: GraphObject[] = [];
  for (let k = 0; k < members.count && out.length < EXPAND_MEMBERS_CAP; k++) {
    const ref = members.at(k);
    const obj = ref && ctx.tenant.get(ref.kind, ref.index);
    if (ref && obj) out.push(projectMember(ref.kind, obj, select));
  }
  return out;
}

function shape(ctx: EndpointContext, kind: CollectionKind, index: number, obj: GraphObject, q: QueryOptions, single = false): GraphObject {
  const out = project(kind, obj, q.select, single);
  if (q.expandMembers) out.members = expandMembers(ctx, index, q.expandMembers.select);
  return out;
}

/** The matching indexes of `kind` in `$orderby` order, from the tenant's order cache. */
function sortedIndexes(ctx: EndpointContext, kind: CollectionKind, q: QueryOptions, matches: (obj: GraphObject) => boolean): Int32Array {
  const cacheKey = [kind, q.orderKey, ctx.tenant.version].join("\u0000");
  return ctx.tenant.orders.get(cacheKey, () => {
    const keyed: Array<[string, number]> = [];
    for (let i = 0; i < ctx.tenant.count(kind); i++) {
      const obj = ctx.tenant.get(kind, i);
      if (obj && matches(obj)) keyed.push([sortKey(obj[q.orderby!.property]), i]);
    }
    return sortedIds(keyed, q.orderby!.desc);
  });
}

export function listCollection(ctx: EndpointContext, kind: CollectionKind): Response | GraphObject {
  const spec = COLLECTIONS[kind];
  const q = parseQuery(ctx.query, ctx.headers, { typeName: spec.odataType, properties: spec.properties, expandMembers: kind === "groups" });
  const cap = kind === "users" ? checkSignInActivity(ctx, q) : Infinity;
  const pageSize = Math.min(q.top ?? DEFAULT_PAGE_SIZE, cap);
  const matches = (obj: GraphObject) => (!q.filter || evaluateFilter(q.filter, obj)) && (!q.search || matchesSearch(q.search, obj));
  const total = ctx.tenant.count(kind);
  const start = startPosition(ctx, kind, q);

  // $orderby reads a cached order (built once per query and tenant version), so a page
  // costs its own items, not a re-sort of the whole matching set.
  const order = q.orderby ? sortedIndexes(ctx, kind, q, matches) : null;
  const page = scan(order ? order.length : total, start, pageSize, (pos) => {
    const index = order ? order[pos]! : pos;
    const obj = ctx.tenant.get(kind, index);
    if (!obj || (!order && !matches(obj))) return null;
    return shape(ctx, kind, index, obj, q);
  }, scanBudget(pageSize));

  const body: GraphObject = { "@odata.context": contextUrl(ctx, kind, q.select) };
  if (q.count && q.skiptoken === null) {
    let n = 0;
    if (order) n = order.length;
    else for (let i = 0; i < total; i++) {
      const obj = ctx.tenant.get(kind, i);
      if (obj && matches(obj)) n++;
    }
    body["@odata.count"] = n;
  }
  if (page.next !== null) body["@odata.nextLink"] = pageLink(ctx, `${ctx.graphBase}/${kind}`, kind, { p: page.next });
  body.value = page.items;
  return body;
}

/** Finds an object by id; users also by userPrincipalName. */
export function findObject(ctx: EndpointContext, kind: CollectionKind, idOrKey: string): { index: number; obj: GraphObject } {
  const found = ctx.tenant.locate(idOrKey);
  if (found && found.kind === kind) {
    const obj = ctx.tenant.get(kind, found.index);
    if (obj) return { index: found.index, obj };
  }
  if (kind === "users" && idOrKey.includes("@")) {
    const upn = idOrKey.toLowerCase();
    for (let i = 0; i < ctx.tenant.count("users"); i++) {
      const obj = ctx.tenant.get("users", i);
      if (obj && String(obj.userPrincipalName).toLowerCase() === upn) return { index: i, obj };
    }
  }
  throw notFound(idOrKey);
}

export function getObject(ctx: EndpointContext, kind: CollectionKind, idOrKey: string): GraphObject {
  const spec = COLLECTIONS[kind];
  const q = parseQuery(ctx.query, ctx.headers, { typeName: spec.odataType, properties: spec.properties, expandMembers: kind === "groups" });
  if (kind === "users") checkSignInActivity(ctx, q);
  const { index, obj } = findObject(ctx, kind, idOrKey);
  return { "@odata.context": contextUrl(ctx, kind, q.select, "/$entity"), ...shape(ctx, kind, index, obj, q, true) };
}
