/**
 * Property-level diff of two entities: which keys (`title`, `properties.mail`,
 * `relations.group`) differ, with the value before and after. A per-key comparison of
 * values normalized as the fingerprint normalizes them (lib/port fingerprint.ts: null and
 * absent are the same, a many-relation is a set, key order is not data), so a diff is
 * never empty when the fingerprints differ, and never shows a change they would not.
 */
import { canonicalJson, entityFingerprint, fingerprintContent, type FingerprintInput } from "@/lib/port";
import type { PropertyChange } from "./types";

/** What an upsert sets on an entity, as this project writes and stores it. */
export interface EntityContent {
  title?: unknown;
  icon?: unknown;
  team?: unknown;
  properties?: Record<string, unknown>;
  relations?: Record<string, unknown>;
}

const TOP_KEYS = ["title", "icon", "team"] as const;

/**
 * The stored form: JSON of the content keys, nulls kept (they were written). Plain
 * JSON.stringify, not canonical: it is only read back for diffs, which normalize, and it
 * is made for every entity written.
 */
export function contentJson(entity: EntityContent): string {
  return JSON.stringify({
    title: entity.title,
    icon: entity.icon,
    team: entity.team,
    properties: entity.properties ?? {},
    relations: entity.relations ?? {},
  });
}

/**
 * The entity as Port's upsert takes it, from its stored content (`contentJson`) without
 * serializing it again: `{"identifier":...,` then the content's keys. It is the text
 * JSON.stringify gives for an entity of the shape the mapping builds (identifier, title,
 * icon and team when mapped, properties, relations, in that order: diff.test.ts).
 */
export function wireJson(identifier: string, content: string): string {
  const id = JSON.stringify(identifier);
  return content.length > 2 ? `{"identifier":${id},${content.slice(1)}` : `{"identifier":${id}}`;
}

/** Whether `entity` sets what the stored content (`contentJson`) sets, as Port sees it. */
export function sameContent(entity: FingerprintInput, stored: string): boolean {
  return entityFingerprint(entity) === entityFingerprint({ ...parseContent(stored), identifier: entity.identifier } as FingerprintInput);
}

export function parseContent(json: string): EntityContent {
  try {
    const v = JSON.parse(json) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as EntityContent) : {};
  } catch {
    return {};
  }
}

function normal(entity: EntityContent) {
  return fingerprintContent({ identifier: "", ...entity } as FingerprintInput) as {
    title?: unknown;
    icon?: unknown;
    team?: unknown;
    properties: Record<string, unknown>;
    relations: Record<string, unknown>;
  };
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * The keys whose values differ between `before` and `after`. With `onlyKeysOf`, only
 * the keys that entity sets are compared (drift: Port may hold properties this project
 * never wrote, which are not a change).
 */
export function propertyChanges(before: EntityContent | null, after: EntityContent, onlyKeysOf?: EntityContent): PropertyChange[] {
  const a = normal(before ?? {});
  const b = normal(after);
  const changes: PropertyChange[] = [];
  const limit = onlyKeysOf;
  for (const key of TOP_KEYS) {
    if (limit && !(key in limit)) continue;
    if (!same(a[key], b[key])) changes.push({ path: key, before: a[key] ?? null, after: b[key] ?? null });
  }
  for (const group of ["properties", "relations"] as const) {
    const keys = limit
      ? Object.keys(limit[group] ?? {})
      : [...new Set([...Object.keys(a[group]), ...Object.keys(b[group])])];
    for (const k of keys.sort()) {
      if (!same(a[group][k], b[group][k])) changes.push({ path: `${group}.${k}`, before: a[group][k] ?? null, after: b[group][k] ?? null });
    }
  }
  return changes;
}
