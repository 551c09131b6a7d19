/**
 * `entityFingerprint`: a short stable hash of what an upsert sets on an entity
 * (identifier, title, icon, team, properties, relations), so the sync can hold one
 * fingerprint per entity Port has (from `listEntities`, a page at a time) instead of the
 * entities themselves, and skip the unchanged ones like Ocean does
 * (`are_entities_different`). Equal content gives an equal fingerprint however it is
 * written:
 * - object keys in any order (sorted, at every depth);
 * - a null or absent property, relation, title or icon are the same (Port drops a
 *   property set to null; Ocean likewise ignores a null that Port does not hold);
 * - a many relation is a set (order and duplicates ignored) and an empty one is absent;
 * - team as a string or a one-element array is the same; teams are a set too.
 * Port's own bookkeeping (createdAt, updatedAt, createdBy, blueprint, scorecards...) is
 * left out. Arrays inside property values keep their order: there order is data.
 * With `merge=true`, a property Port holds that the mapping does not write (a user
 * added it in Port) makes the fingerprints differ: the entity is then upserted again,
 * harmlessly (Ocean behaves the same).
 */
import { createHash } from "node:crypto";
import type { PortEntity } from "./schemas";

export type FingerprintInput = Pick<PortEntity, "identifier"> & Partial<Pick<PortEntity, "title" | "icon" | "team" | "properties" | "relations">>;

/** JSON with object keys sorted at every depth (undefined members dropped, like JSON.stringify). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const present = (v: unknown) => v !== null && v !== undefined;
const asSet = (values: readonly string[]) => [...new Set(values)].sort();

function normalRelations(relations: PortEntity["relations"] | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(relations ?? {})) {
    if (Array.isArray(value)) {
      if (value.length) out[name] = asSet(value);
    } else if (present(value)) out[name] = value as string;
  }
  return out;
}

function normalTeam(team: PortEntity["team"]): string[] | undefined {
  if (!present(team)) return undefined;
  const teams = asSet(Array.isArray(team) ? team : [team as string]);
  return teams.length ? teams : undefined;
}

/** The normalized content that the fingerprint hashes (exported for tests and diffs). */
export function fingerprintContent(entity: FingerprintInput): Record<string, unknown> {
  return {
    identifier: entity.identifier,
    title: entity.title ?? undefined,
    icon: entity.icon ?? undefined,
    team: normalTeam(entity.team),
    properties: Object.fromEntries(Object.entries(entity.properties ?? {}).filter(([, v]) => present(v))),
    relations: normalRelations(entity.relations),
  };
}

/** 22 characters (128 bits of SHA-256, base64url): 300,000 of them are a few MB. */
export function entityFingerprint(entity: FingerprintInput): string {
  return createHash("sha256").update(canonicalJson(fingerprintContent(entity))).digest("base64url").slice(0, 22);
}
