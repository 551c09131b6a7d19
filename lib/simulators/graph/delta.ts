/**
 * `/users/delta`, `/groups/delta`, `/applications/delta` and `/servicePrincipals/delta`: a full round (nextLinks carrying only `$skiptoken`)
 * that ends with an `@odata.deltaLink`; calling that later returns what changed since,
 * with `@removed` for deletions and `members@delta` for membership when members are
 * tracked (`$select=...,members`). A big group's members span several items of the same
 * group, as in Graph.
 */
import { COLLECTIONS, type GraphObject } from "./data";
import type { EndpointContext } from "./collections";
import { decodeToken, encodeToken, queryString } from "./paging";
import { odataType, project } from "./project";
import { parseQuery } from "./query";
import { badRequest, SimError } from "./responses";

type DeltaKind = "users" | "groups" | "applications" | "servicePrincipals";
const DELTA_KINDS: readonly string[] = ["users", "groups", "applications", "servicePrincipals"];
export const isDeltaKind = (kind: string): kind is DeltaKind => DELTA_KINDS.includes(kind);

/** Everything a delta link or page link must remember. */
interface DeltaState {
  k: DeltaKind;
  s: string[] | null;
  /** Tracks membership (groups with `members` selected). */
  m: boolean;
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

function pageSizeFrom(headers: Headers): number {
  const m = /odata\.maxpagesize=(\d+)/i.exec(headers.get("prefer") ?? "");
  return m ? Math.max(1, Math.min(999, Number(m[1]))) : DEFAULT_DELTA_PAGE;
}

export function delta(ctx: EndpointContext, kind: DeltaKind, now: number): GraphObject {
  const spec = COLLECTIONS[kind];
  const linkBase = `${ctx.graphBase}/${kind}/delta`;
  const params = ctx.url.searchParams;
  const skip = params.get("$skiptoken");
  const deltaToken = params.get("$deltatoken");
  let state: DeltaState;
  if (skip !== null || deltaToken !== null) {
    state = decodeToken((skip ?? deltaToken)!, isState);
    if (state.k !== kind) throw badRequest("The delta token does not belong to this resource.");
    if (now - state.t > DELTA_TOKEN_LIFETIME_MS) {
      throw new SimError(410, "syncStateNotFound", "The delta token has expired; start a new round of delta queries without a token (full resync).");
    }
    if (deltaToken !== null) {
      // A stored deltaLink: changes after the version it was issued at.
      state = { ...state, p: undefined, d: [state.v, ctx.tenant.version, 0], t: now };
    }
  } else {
    const properties = kind === "groups" ? [...spec.properties, "members"] : spec.properties;
    const q = parseQuery(ctx.url, ctx.headers, { typeName: spec.odataType, properties, expandMembers: false, delta: true });
    if (q.filter || q.orderby || q.search || q.expandMembers) throw new SimError(400, "Request_UnsupportedQuery", "Only $select is supported on the first delta request in the demo tenant.");
    const members = q.select?.includes("members") ?? false;
    state = { k: kind, s: q.select?.filter((p) => p !== "members") ?? null, m: members, p: [0, 0], v: ctx.tenant.version, t: now };
  }
  const pageSize = pageSizeFrom(ctx.headers);
  const { items, next } = state.d ? changesPage(ctx, state, pageSize) : initialPage(ctx, state, pageSize);
  const body: GraphObject = { "@odata.context": `${ctx.graphBase}/$metadata#${kind}${state.s ? `(${state.s.join(",")})` : ""}`, value: items };
  if (next) {
    body["@odata.nextLink"] = linkBase + queryString([["$skiptoken", encodeToken(next)]]);
  } else {
    const version = state.d ? state.d[1] : state.v;
    body["@odata.deltaLink"] = linkBase + queryString([["$deltatoken", encodeToken({ k: kind, s: state.s, m: state.m, v: version, t: now })]]);
  }
  return body;
}

function memberItem(ctx: EndpointContext, ref: { kind: "users" | "groups" | "servicePrincipals"; index: number }, removed: boolean): GraphObject {
  const item: GraphObject = { "@odata.type": odataType(ref.kind), id: ctx.tenant.idOf(ref.kind, ref.index) };
  if (removed) item["@removed"] = { reason: "deleted" };
  return item;
}

function initialPage(ctx: EndpointContext, state: DeltaState, pageSize: number): { items: GraphObject[]; next: DeltaState | null } {
  const total = ctx.tenant.count(state.k);
  let [index, memberOffset] = state.p!;
  const items: GraphObject[] = [];
  while (index < total && items.length < pageSize) {
    const obj = ctx.tenant.get(state.k, index);
    if (!obj) {
      index++;
      continue;
    }
    if (!state.m) {
      items.push(project(state.k, obj, state.s));
      index++;
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
    items.push(memberOffset === 0 ? { ...project("groups", obj, state.s), "members@delta": chunk } : { id: obj.id, "members@delta": chunk });
    if (k < members.count) memberOffset = k;
    else {
      index++;
      memberOffset = 0;
    }
  }
  return { items, next: index < total ? { ...state, p: [index, memberOffset] } : null };
}

function changesPage(ctx: EndpointContext, state: DeltaState, pageSize: number): { items: GraphObject[]; next: DeltaState | null } {
  const [from, to, start] = state.d!;
  // Objects changed in (from, to], in order of their last change, each once.
  const changed = new Map<number, Array<{ ref: { kind: "users" | "groups" | "servicePrincipals"; index: number }; removed: boolean }>>();
  for (const c of ctx.tenant.changesSince(from)) {
    if (c.version > to || c.kind !== state.k) continue;
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
    const item = project(state.k, obj, state.s);
    if (state.m && memberChanges.length) item["members@delta"] = memberChanges.map((m) => memberItem(ctx, m.ref, m.removed));
    return item;
  });
  const nextStart = start + pageSize;
  return { items, next: nextStart < changed.size ? { ...state, d: [from, to, nextStart] } : null };
}
