/**
 * Directory-object lists: `/groups/{id}/members`, `/groups/{id}/transitiveMembers` (with an
 * optional type cast) and `/{users|groups|servicePrincipals}/{id}/memberOf`.
 *
 * Groups reach 100,000 members, so a page must cost its own items, not a re-walk from the
 * first member: the skiptoken (opaque to clients) holds the scan position. Transitive
 * lists walk the groups of the closure (root, then nested groups breadth-first) one after
 * the other, position = (group ordinal, member offset); an object is listed at its first
 * occurrence, which is an O(1) membership test per earlier group of the closure, not a
 * "seen" set that would have to travel in the token.
 */
import type { CollectionKind, GraphObject } from "./data";
import { contextUrl, DEFAULT_PAGE_SIZE, findObject, pageLink, startPosition, type EndpointContext } from "./collections";
import { evaluateFilter } from "./filter";
import { sortedIds, sortKey } from "./order-index";
import { scan, scanBudget } from "./paging";
import { MEMBER_PROPERTIES, projectMember } from "./project";
import { matchesSearch, parseQuery, type QueryOptions } from "./query";
import { ADVANCED_QUERY_HINT, insufficientPrivileges, SimError, unsupportedQuery } from "./responses";
import type { MemberRef } from "./tenant";

const CASTS: Record<string, CollectionKind> = {
  "microsoft.graph.user": "users",
  "microsoft.graph.group": "groups",
  "microsoft.graph.serviceprincipal": "servicePrincipals",
};

function castOf(cast: string | undefined): CollectionKind | undefined {
  if (cast === undefined) return undefined;
  const kind = CASTS[cast.toLowerCase()];
  if (!kind) throw new SimError(400, "BadRequest", `Resource not found for the segment '${cast}'.`);
  return kind;
}

type Position = [number, number];
const isPair = (v: unknown): v is { c: Position } =>
  typeof v === "object" && v !== null && Array.isArray((v as { c: unknown }).c) && (v as { c: unknown[] }).c.length === 2 &&
  (v as { c: unknown[] }).c.every((n) => Number.isInteger(n) && (n as number) >= 0);

/** Root first, then nested groups breadth-first, each once; deleted groups are no members. */
function closure(ctx: EndpointContext, root: number, transitive: boolean): number[] {
  const groups = [root];
  if (!transitive) return groups;
  const seen = new Set(groups);
  for (let i = 0; i < groups.length; i++) {
    for (const g of ctx.tenant.nestedGroupsOf(groups[i]!)) {
      if (seen.has(g) || !ctx.tenant.get("groups", g)) continue;
      seen.add(g);
      groups.push(g);
    }
  }
  return groups;
}

interface MemberScan {
  items: GraphObject[];
  next: Position | null;
}

/** Members from `start` until `limit` accepted, `budget` positions visited or the end. */
function scanMembers(
  ctx: EndpointContext, groups: number[], start: Position, limit: number, budget: number,
  accept: (ref: MemberRef) => GraphObject | null,
): MemberScan {
  const items: GraphObject[] = [];
  let [j, k] = start;
  let members = j < groups.length ? ctx.tenant.membersOf(groups[j]!) : null;
  let visited = 0;
  const advance = () => {
    while (members && k >= members.count) {
      j += 1;
      k = 0;
      members = j < groups.length ? ctx.tenant.membersOf(groups[j]!) : null;
    }
  };
  advance();
  while (members && items.length < limit && visited < budget) {
    const ref = members.at(k++);
    const ordinal = j;
    visited += 1;
    advance();
    if (!ref || (ref.kind === "groups" && ref.index === groups[0])) continue;
    // Listed already as a member of an earlier group of the closure?
    let duplicate = false;
    for (let i = 0; i < ordinal && !duplicate; i++) duplicate = ctx.tenant.isDirectMember(groups[i]!, ref);
    if (duplicate) continue;
    const item = accept(ref);
    if (item) items.push(item);
  }
  return { items, next: members ? [j, k] : null };
}

function requireGroupReader(ctx: EndpointContext): void {
  const readers = ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
  if (!readers.some((r) => ctx.roles.includes(r))) throw insufficientPrivileges();
}

function filterOf(ctx: EndpointContext, q: QueryOptions, castKind: CollectionKind | undefined) {
  return (ref: { kind: CollectionKind; index: number }): GraphObject | null => {
    if (castKind && ref.kind !== castKind) return null;
    const obj = ctx.tenant.get(ref.kind, ref.index);
    if (!obj || (q.filter && !evaluateFilter(q.filter, obj)) || (q.search && !matchesSearch(q.search, obj))) return null;
    return obj;
  };
}

export function listMembers(ctx: EndpointContext, groupKey: string, transitive: boolean, cast: string | undefined): GraphObject {
  const castKind = castOf(cast);
  const q = parseQuery(ctx.query, ctx.headers, { typeName: "microsoft.graph.directoryObject", properties: MEMBER_PROPERTIES, expandMembers: false });
  const { index } = findObject(ctx, "groups", groupKey);
  // Page tokens are sealed for this very list: a token of another group or listing is refused.
  const scope = `members:${index}:${transitive ? "transitive" : "direct"}:${castKind ?? ""}`;
  const pageSize = q.top ?? DEFAULT_PAGE_SIZE;
  const groups = closure(ctx, index, transitive);
  const matching = filterOf(ctx, q, castKind);
  const project = (ref: MemberRef) => {
    const obj = matching(ref);
    return obj && projectMember(ref.kind, obj, q.select);
  };
  const set = castKind ?? "directoryObjects";
  const body: GraphObject = { "@odata.context": contextUrl(ctx, set, q.select) };
  const path = `${ctx.graphBase}/groups/${groupKey}/${transitive ? "transitiveMembers" : "members"}${cast ? `/${cast}` : ""}`;

  if (q.orderby) {
    // Sorted lists page through a cached order of encoded refs (kind * 2^24 + index).
    const orderby = q.orderby;
    const cacheKey = ["members", index, transitive, castKind, q.orderKey, ctx.tenant.version].join("\u0000");
    const order = ctx.tenant.orders.get(cacheKey, () => {
      const keyed: Array<[string, number]> = [];
      scanMembers(ctx, groups, [0, 0], Infinity, Infinity, (ref) => {
        const obj = matching(ref);
        if (obj) keyed.push([sortKey(obj[orderby.property]), KIND_NUM[ref.kind]! * 2 ** 24 + ref.index]);
        return null;
      });
      return sortedIds(keyed, orderby.desc);
    });
    const start = startPosition(ctx, scope, q);
    const page = scan(order.length, start, pageSize, (pos) => project(refOf(order[pos]!)));
    if (q.count && q.skiptoken === null) body["@odata.count"] = order.length;
    if (page.next !== null) body["@odata.nextLink"] = pageLink(ctx, path, scope, { p: page.next });
    body.value = page.items;
    return body;
  }

  const start: Position = q.skiptoken === null ? [0, 0] : ctx.tokens.openPage(scope, q.skiptoken, isPair).c;
  const page = scanMembers(ctx, groups, start, pageSize, scanBudget(pageSize), project);
  if (q.count && q.skiptoken === null) {
    let n = 0;
    scanMembers(ctx, groups, [0, 0], Infinity, Infinity, (ref) => (matching(ref) && n++, null));
    body["@odata.count"] = n;
  }
  if (page.next) body["@odata.nextLink"] = pageLink(ctx, path, scope, { c: page.next });
  body.value = page.items;
  return body;
}

const KIND_NUM: Partial<Record<CollectionKind, number>> = { users: 1, groups: 2, servicePrincipals: 3 };
const KIND_BY_NUM: Record<number, MemberRef["kind"]> = { 1: "users", 2: "groups", 3: "servicePrincipals" };
function refOf(code: number): MemberRef {
  return { kind: KIND_BY_NUM[Math.floor(code / 2 ** 24)]!, index: code % 2 ** 24 };
}

/**
 * `/{kind}/{id}/memberOf`: the groups an object is a direct member of, found by the O(1)
 * membership test over all groups (a user is in few groups; the token holds the group index).
 * Apps without a group permission get 403 here (Graph would return stubs; the demo keeps the
 * permission hint visible, see the README).
 */
export function listMemberOf(ctx: EndpointContext, kind: MemberRef["kind"], key: string, cast: string | undefined): GraphObject {
  const castKind = castOf(cast);
  if (castKind && castKind !== "groups") throw new SimError(400, "BadRequest", `Resource not found for the segment '${cast}'.`);
  const q = parseQuery(ctx.query, ctx.headers, { typeName: "microsoft.graph.directoryObject", properties: MEMBER_PROPERTIES, expandMembers: false });
  if (q.orderby) throw unsupportedQuery("Sorting not supported for current query.");
  // q.count is exactly "ConsistencyLevel: eventual and $count=true": advanced mode.
  const advanced = q.count;
  if (q.filter && !advanced) throw unsupportedQuery(`$filter on memberOf needs an advanced query. ${ADVANCED_QUERY_HINT}`);
  const { index } = findObject(ctx, kind, key);
  requireGroupReader(ctx);
  const ref: MemberRef = { kind, index };
  const matching = filterOf(ctx, q, undefined);
  const pageSize = q.top ?? DEFAULT_PAGE_SIZE;
  const total = ctx.tenant.count("groups");
  const groupAt = (g: number) => {
    if (!ctx.tenant.isDirectMember(g, ref)) return null;
    const obj = matching({ kind: "groups", index: g });
    return obj && projectMember("groups", obj, q.select);
  };
  const scope = `memberOf:${kind}:${index}`;
  const page = scan(total, startPosition(ctx, scope, q), pageSize, groupAt);
  const body: GraphObject = { "@odata.context": contextUrl(ctx, castKind ?? "directoryObjects", q.select) };
  if (q.count && q.skiptoken === null) {
    let n = 0;
    for (let g = 0; g < total; g++) if (groupAt(g)) n++;
    body["@odata.count"] = n;
  }
  if (page.next !== null) {
    body["@odata.nextLink"] = pageLink(ctx, `${ctx.graphBase}/${kind}/${key}/memberOf${cast ? `/${cast}` : ""}`, scope, { p: page.next });
  }
  body.value = page.items;
  return body;
}
