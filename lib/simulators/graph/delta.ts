/**
 * `/users/delta`, `/groups/delta`, `/applications/delta` and `/servicePrincipals/delta`: a full round (nextLinks carrying only `$skiptoken`)
 * that ends with an `@odata.deltaLink`; calling that later returns what changed since,
 * with `@removed` for deletions and `members@delta` for membership when members are
 * tracked (`$select=...,members`). A big group's members span several items of the same
 * group, as in Graph.
 */
import { COLLECTIONS, type GraphObject } from "./data";
import type { EndpointContext } from "./collections";
import type { FilterNode } from "./filter";
import { queryString } from "./paging";
import { odataType, project } from "./project";
import { parseQuery } from "./query";
import { badRequest, SimError, unsupportedQuery } from "./responses";

type DeltaKind = "users" | "groups" | "applications" | "servicePrincipals";
const DELTA_KINDS: readonly string[] = ["users", "groups", "applications", "servicePrincipals"];
export const isDeltaKind = (kind: string): kind is DeltaKind => DELTA_KINDS.includes(kind);

/** Everything a delta link or page link must remember (sealed in the token, so trusted once opened). */
interface DeltaState {
  k: DeltaKind;
  s: string[] | null;
  /** Tracks membership (groups with `members` selected). */
  m: boolean;
  /** Only these objects (`$filter=id eq '...'`), as indexes in ascending order. */
  f?: number[];
  /** Initial round: scan position [object, member offset]. */
  p?: [number, number];
  /** Changes round: versions (from, to] and position in that list. */
  d?: [number, number, number];
  /** Version at the start of the initial round. */
  v: number;
  /** Issued at (ms), for expiry. */
  t: number;
}

const isState = (v: unknown): v is DeltaState =>
  typeof v === "object" && v !== null && isDeltaKind(String((v as DeltaState).k));

const MEMBERS_PER_ITEM = 500;
const DEFAULT_DELTA_PAGE = 100;
const DELTA_TOKEN_LIFETIME_MS = 7 * 86_400_000;
/** Graph accepts up to 50 ids in a delta `$filter`. */
const MAX_DELTA_IDS = 50;

const syncStateNotFound = (message: string) => new SimError(410, "syncStateNotFound", `${message} Start a new round of delta queries without a token (full resync).`);

function pageSizeFrom(headers: Headers): number {
  const m = /odata\.maxpagesize=(\d{1,6})/i.exec(headers.get("prefer") ?? "");
  return m ? Math.max(1, Math.min(999, Number(m[1]))) : DEFAULT_DELTA_PAGE;
}

/** The ids of `id eq '...'` clauses joined by `or`: the only filter delta accepts; null for any other. */
function filteredIds(node: FilterNode): string[] | null {
  if (node.type === "compare") return node.op === "eq" && node.path.length === 1 && node.path[0] === "id" && typeof node.value === "string" ? [node.value] : null;
  if (node.type !== "or") return null;
  const left = filteredIds(node.left);
  const right = left && filteredIds(node.right);
  return left && right ? [...left, ...right] : null;
}

/** The state of the first request of a round, from its query options. */
function firstState(ctx: EndpointContext, kind: DeltaKind, now: number): DeltaState {
  const spec = COLLECTIONS[kind];
  const properties = kind === "groups" ? [...spec.properties, "members"] : spec.properties;
  const q = parseQuery(ctx.query, ctx.headers, { typeName: spec.odataType, properties, expandMembers: false, delta: true });
  if (q.orderby || q.search || q.expandMembers) throw unsupportedQuery("Only $select and $filter=id eq '...' are supported on the first delta request.");
  let indexes: number[] | undefined;
  if (q.filter) {
    const ids = filteredIds(q.filter);
    if (!ids) throw unsupportedQuery("$filter on delta only supports id eq '{id}' clauses joined by or.");
    if (ids.length > MAX_DELTA_IDS) throw unsupportedQuery(`$filter on delta accepts at most ${MAX_DELTA_IDS} ids; this one has ${ids.length}.`);
    const found = ids.map((id) => ctx.tenant.locate(id)).filter((ref) => ref?.kind === kind).map((ref) => ref!.index);
    indexes = [...new Set(found)].sort((a, b) => a - b);
  }
  const members = q.select?.includes("members") ?? false;
  return { k: kind, s: q.select?.filter((p) => p !== "members") ?? null, m: members, f: indexes, p: [0, 0], v: ctx.tenant.version, t: now };
}

/** The state sealed in a `$skiptoken` (scope "page") or `$deltatoken` (scope "link"); 410 when it is not one of ours. */
function openState(ctx: EndpointContext, kind: DeltaKind, use: "page" | "link", token: string, now: number): DeltaState {
  const state = ctx.tokens.open(`delta:${kind}:${use}`, token, isState);
  if (!state) throw syncStateNotFound("The delta token is not valid here: it is garbled, forged, of another resource, or from before the demo tenant restarted.");
  if (now - state.t > DELTA_TOKEN_LIFETIME_MS) throw syncStateNotFound("The delta token has expired.");
  return state;
}

export function delta(ctx: EndpointContext, kind: DeltaKind, now: number): GraphObject {
  const linkBase = `${ctx.graphBase}/${kind}/delta`;
  const skip = ctx.query.options.get("skiptoken") ?? null;
  const deltaToken = ctx.query.options.get("deltatoken") ?? null;
  let state: DeltaState;
  if (skip !== null && deltaToken !== null) throw badRequest("A delta request takes either $skiptoken or $deltatoken, not both.");
  if (skip !== null) {
    state = openState(ctx, kind, "page", skip, now);
  } else if (deltaToken !== null) {
    // A stored deltaLink: changes after the version it was issued at.
    const stored = openState(ctx, kind, "link", deltaToken, now);
    state = { ...stored, p: undefined, d: [stored.v, ctx.tenant.version, 0], t: now };
  } else {
    state = firstState(ctx, kind, now);
  }
  const pageSize = pageSizeFrom(ctx.headers);
  const { items, next } = state.d ? changesPage(ctx, state, pageSize) : initialPage(ctx, state, pageSize);
  const body: GraphObject = { "@odata.context": `${ctx.graphBase}/$metadata#${kind}${state.s ? `(${state.s.join(",")})` : ""}`, value: items };
  if (next) {
    body["@odata.nextLink"] = linkBase + queryString([["$skiptoken", ctx.tokens.seal(`delta:${kind}:page`, next)]]);
  } else {
    const version = state.d ? state.d[1] : state.v;
    const link: DeltaState = { k: kind, s: state.s, m: state.m, f: state.f, v: version, t: now };
    body["@odata.deltaLink"] = linkBase + queryString([["$deltatoken", ctx.tokens.seal(`delta:${kind}:link`, link)]]);
  }
  return body;
}

/** An object as delta returns it: the tracked properties, and always its id. */
function deltaObject(kind: DeltaKind, obj: GraphObject, select: string[] | null): GraphObject {
  return { id: obj.id, ...project(kind, obj, select) };
}

function memberItem(ctx: EndpointContext, ref: { kind: "users" | "groups" | "servicePrincipals"; index: number }, removed: boolean): GraphObject {
  const item: GraphObject = { "@odata.type": odataType(ref.kind), id: ctx.tenant.idOf(ref.kind, ref.index) };
  if (removed) item["@removed"] = { reason: "deleted" };
  return item;
}

function initialPage(ctx: EndpointContext, state: DeltaState, pageSize: number): { items: GraphObject[]; next: DeltaState | null } {
  // Position = (ordinal in the filtered ids, or the object index itself; member offset).
  const only = state.f;
  const total = only ? only.length : ctx.tenant.count(state.k);
  let [position, memberOffset] = state.p!;
  const items: GraphObject[] = [];
  while (position < total && items.length < pageSize) {
    const index = only ? only[position]! : position;
    const obj = ctx.tenant.get(state.k, index);
    if (!obj) {
      position++;
      continue;
    }
    if (!state.m) {
      items.push(deltaObject(state.k, obj, state.s));
      position++;
      continue;
    }
    const members = ctx.tenant.membersOf(index);
    const chunk: GraphObject[] = [];
    let k = memberOffset;
    for (; k < members.count && chunk.length < MEMBERS_PER_ITEM; k++) {
      const ref = members.at(k);
      if (ref && ctx.tenant.get(ref.kind, ref.index)) chunk.push(memberItem(ctx, ref, false));
    }
    // The first item of a group carries its properties; continuation items only id and members.
    items.push(memberOffset === 0 ? { ...deltaObject("groups", obj, state.s), "members@delta": chunk } : { id: obj.id, "members@delta": chunk });
    if (k < members.count) memberOffset = k;
    else {
      position++;
      memberOffset = 0;
    }
  }
  return { items, next: position < total ? { ...state, p: [position, memberOffset] } : null };
}

function changesPage(ctx: EndpointContext, state: DeltaState, pageSize: number): { items: GraphObject[]; next: DeltaState | null } {
  const [from, to, start] = state.d!;
  // Objects changed in (from, to], in order of their last change, each once.
  const changed = new Map<number, Array<{ ref: { kind: "users" | "groups" | "servicePrincipals"; index: number }; removed: boolean }>>();
  for (const c of ctx.tenant.changesSince(from)) {
    if (c.version > to || c.kind !== state.k || (state.f && !state.f.includes(c.index))) continue;
    const list = changed.get(c.index) ?? [];
    changed.delete(c.index);
    if (c.member) list.push(c.member);
    changed.set(c.index, list);
  }
  const entries = [...changed].slice(start, start + pageSize);
  const items = entries.map(([index, memberChanges]): GraphObject => {
    const obj = ctx.tenant.get(state.k, index);
    const id = ctx.tenant.idOf(state.k, index);
    if (!obj) return { id, "@removed": { reason: ctx.tenant.removalReason(state.k, index) } };
    const item = deltaObject(state.k, obj, state.s);
    if (state.m && memberChanges.length) item["members@delta"] = memberChanges.map((m) => memberItem(ctx, m.ref, m.removed));
    return item;
  });
  const nextStart = start + pageSize;
  return { items, next: nextStart < changed.size ? { ...state, d: [from, to, nextStart] } : null };
}
