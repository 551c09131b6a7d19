/**
 * The demo tenant's collections: how many of each kind, record i of each, and their
 * properties. `demoRecords` is the public generator other modules (benchmarks, tests of
 * mapping) import; its signature is stable.
 */
import { decodeGuid, KIND_CODES } from "../random";
import { applicationAt, deviceAt, servicePrincipalAt } from "./apps";
import { DEFAULT_SEED, genContext, type GenContext, type GraphObject, type TenantSizes } from "./context";
import { groupAt, GROUP_PROPERTIES } from "./groups";
import { USER_DEFAULT_PROPERTIES, USER_PROPERTIES, userAt } from "./users";
import { DEVICE_V1_PROPERTIES, GROUP_V1_PROPERTIES, groupDefaults, USER_V1_PROPERTIES, withV1 } from "./v1-properties";

export type CollectionKind = "users" | "groups" | "applications" | "servicePrincipals" | "devices";

export interface CollectionSpec {
  kind: CollectionKind;
  /** `microsoft.graph.user` etc. */
  odataType: string;
  count(ctx: GenContext): number;
  at(ctx: GenContext, index: number): GraphObject;
  /** Every property the demo knows (valid in `$select`). */
  properties: readonly string[];
  /** What Graph returns without `$select`. */
  defaultProperties: readonly string[];
}

const APPLICATION_PROPS = Object.keys(applicationAt(genContext(1, { applications: 1 }), 0));
const SP_PROPS = [...new Set([
  ...Object.keys(servicePrincipalAt(genContext(1, { applications: 1, servicePrincipals: 1 }), 0)),
  ...Object.keys(servicePrincipalAt(genContext(1, { applications: 0, servicePrincipals: 200 }), 199)),
])];
const DEVICE_PROPS = withV1(Object.keys(deviceAt(genContext(1), 0)), DEVICE_V1_PROPERTIES);
const ALL_USER_PROPS = withV1(USER_PROPERTIES, USER_V1_PROPERTIES);
const ALL_GROUP_PROPS = withV1(GROUP_PROPERTIES, GROUP_V1_PROPERTIES);

export const COLLECTIONS: Record<CollectionKind, CollectionSpec> = {
  users: {
    kind: "users", odataType: "microsoft.graph.user",
    count: (c) => c.sizes.users, at: userAt,
    properties: ALL_USER_PROPS, defaultProperties: USER_DEFAULT_PROPERTIES,
  },
  groups: {
    kind: "groups", odataType: "microsoft.graph.group",
    count: (c) => c.sizes.groups, at: groupAt,
    properties: ALL_GROUP_PROPS, defaultProperties: groupDefaults(ALL_GROUP_PROPS),
  },
  applications: {
    kind: "applications", odataType: "microsoft.graph.application",
    count: (c) => c.sizes.applications, at: applicationAt,
    properties: APPLICATION_PROPS, defaultProperties: APPLICATION_PROPS,
  },
  servicePrincipals: {
    kind: "servicePrincipals", odataType: "microsoft.graph.servicePrincipal",
    count: (c) => c.sizes.servicePrincipals, at: servicePrincipalAt,
    properties: SP_PROPS, defaultProperties: SP_PROPS,
  },
  devices: {
    kind: "devices", odataType: "microsoft.graph.device",
    count: (c) => c.sizes.devices, at: deviceAt,
    properties: DEVICE_PROPS, defaultProperties: DEVICE_PROPS,
  },
};

const KIND_BY_CODE: Record<number, CollectionKind> = {
  [KIND_CODES.users]: "users",
  [KIND_CODES.groups]: "groups",
  [KIND_CODES.applications]: "applications",
  [KIND_CODES.servicePrincipals]: "servicePrincipals",
  [KIND_CODES.devices]: "devices",
};

/** Which record an object id names, or null when the id is not one of the demo's. */
export function locateId(ctx: GenContext, id: string): { kind: CollectionKind; index: number } | null {
  const decoded = decodeGuid(ctx.seed, id);
  if (!decoded) return null;
  const kind = KIND_BY_CODE[decoded.kind];
  return kind ? { kind, index: decoded.index } : null;
}

/**
 * Full Graph objects (every property, as with a `$select` of everything) of one kind,
 * generated lazily: iterating 300,000 users holds one user at a time.
 */
export function* demoRecords(
  kind: "users" | "groups" | "applications" | "servicePrincipals",
  count: number,
  seed: number = DEFAULT_SEED,
): Iterable<Record<string, unknown>> {
  const sizes: Partial<TenantSizes> = { [kind]: count };
  // Cross-references (service principals of app registrations, group members) need the other sizes too.
  if (kind === "servicePrincipals") sizes.applications = Math.min(count, Math.ceil(count * 0.4));
  const ctx = genContext(seed, sizes);
  const spec = COLLECTIONS[kind];
  for (let i = 0; i < count; i++) yield spec.at(ctx, i);
}

export { DEFAULT_SEED, DEFAULT_SIZES, genContext } from "./context";
export type { GenContext, GraphObject, TenantSizes } from "./context";
