/**
 * What Graph returns of an object: the default property set without `$select`, exactly
 * the selected properties with it. `keyCredentials[].key` is only filled for a single
 * object whose `$select` names keyCredentials (`GET /applications/{id}?$select=keyCredentials`),
 * like Graph; lists, delta and the default set always say null.
 */
import { COLLECTIONS, type CollectionKind, type GraphObject } from "./data";

export function project(kind: CollectionKind, obj: GraphObject, select: readonly string[] | null, single = false): GraphObject {
  const spec = COLLECTIONS[kind];
  const props = select ?? spec.defaultProperties;
  const out: GraphObject = {};
  // A selected property that is not set is returned as null, as Graph does; the default
  // set lists only what this object has.
  for (const p of props) if (p in obj) out[p] = obj[p];
  else if (select) out[p] = null;
  if (Array.isArray(out.keyCredentials) && !(single && select?.includes("keyCredentials"))) {
    out.keyCredentials = (out.keyCredentials as GraphObject[]).map((k) => ({ ...k, key: null }));
  }
  return out;
}

const ODATA_TYPE: Record<CollectionKind, string> = {
  users: "#microsoft.graph.user",
  groups: "#microsoft.graph.group",
  applications: "#microsoft.graph.application",
  servicePrincipals: "#microsoft.graph.servicePrincipal",
  devices: "#microsoft.graph.device",
};

/** A directory object in a mixed collection (members): `@odata.type` first. */
export function projectMember(kind: CollectionKind, obj: GraphObject, select: readonly string[] | null): GraphObject {
  const valid = select?.filter((p) => COLLECTIONS[kind].properties.includes(p)) ?? null;
  return { "@odata.type": ODATA_TYPE[kind], ...project(kind, obj, valid) };
}

export function odataType(kind: CollectionKind): string {
  return ODATA_TYPE[kind];
}

/** Properties valid in `$select` on a members collection: any directory object's. */
export const MEMBER_PROPERTIES: readonly string[] = [
  ...new Set([...COLLECTIONS.users.properties, ...COLLECTIONS.groups.properties, ...COLLECTIONS.servicePrincipals.properties]),
];
