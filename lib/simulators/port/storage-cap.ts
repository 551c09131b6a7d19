/**
 * The most the demo Port stores. Its credentials are public and it lives in the app's
 * database, so without a bound anyone could fill the disk through it (400 posts of
 * 1 MB each used to be accepted one after the other).
 *
 * Default: 1,000,000 entities and 1 GiB of entity JSON. A 300,000-user demo sync with
 * 50,000 groups is about 350,000 entities and 300 MB (an Entra user entity is about
 * 0.5-1 KB); the membership entities of the recommended group form add about 250 bytes
 * each, and the default leaves room for about 650,000 of them. The SQLite file is about
 * 1.5 times the JSON (the title column and the indexes).
 */
import { z } from "zod";
import type { EntityWrite, StoreUsage } from "./store";

export interface StoreCap {
  maxEntities: number;
  /** Bytes of entity JSON (UTF-8), summed over all entities. */
  maxBytes: number;
}

export const DEMO_PORT_STORE_CAP: StoreCap = { maxEntities: 1_000_000, maxBytes: 1024 * 1024 * 1024 };

/** Blueprints the demo Port holds at most (Entra ID needs a handful). */
export const DEMO_PORT_MAX_BLUEPRINTS = 200;

export interface DemoPortLimits extends StoreCap {
  maxBlueprints: number;
}

const count = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max.toLocaleString("en-US")}`);

/**
 * The one reader of the demo Port's caps from the environment (the app's demo Port):
 * DEMO_PORT_MAX_ENTITIES, DEMO_PORT_MAX_BYTES, DEMO_PORT_MAX_BLUEPRINTS, each optional.
 * A bad value throws an Error naming the variable.
 */
export function demoPortLimitsFromEnv(env: Record<string, string | undefined>): DemoPortLimits {
  const schema = z.object({
    DEMO_PORT_MAX_ENTITIES: count("DEMO_PORT_MAX_ENTITIES", 100_000_000).default(DEMO_PORT_STORE_CAP.maxEntities),
    DEMO_PORT_MAX_BYTES: count("DEMO_PORT_MAX_BYTES", 1024 ** 4).default(DEMO_PORT_STORE_CAP.maxBytes),
    DEMO_PORT_MAX_BLUEPRINTS: count("DEMO_PORT_MAX_BLUEPRINTS", 10_000).default(DEMO_PORT_MAX_BLUEPRINTS),
  });
  const parsed = schema.safeParse({ DEMO_PORT_MAX_ENTITIES: env.DEMO_PORT_MAX_ENTITIES || undefined, DEMO_PORT_MAX_BYTES: env.DEMO_PORT_MAX_BYTES || undefined, DEMO_PORT_MAX_BLUEPRINTS: env.DEMO_PORT_MAX_BLUEPRINTS || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return { maxEntities: parsed.data.DEMO_PORT_MAX_ENTITIES, maxBytes: parsed.data.DEMO_PORT_MAX_BYTES, maxBlueprints: parsed.data.DEMO_PORT_MAX_BLUEPRINTS };
}

/** A write refused because it would take the store past its cap; nothing of it was stored. */
export class StoreCapExceeded extends Error {
  constructor(readonly cap: StoreCap, readonly after: StoreUsage) {
    const what = after.entities > cap.maxEntities ? `${after.entities} entities (at most ${cap.maxEntities})` : `${after.bytes} bytes of entities (at most ${cap.maxBytes})`;
    super(`The demo Port is full: this write would make it hold ${what}. Delete entities first, or start the demo Port with a larger cap.`);
    this.name = "StoreCapExceeded";
  }
}

export const entityKey = (blueprint: string, identifier: string) => `${blueprint}\u0000${identifier}`;

/** A write with its JSON serialized once (stored as is, and measured). */
export interface PreparedWrite {
  write: EntityWrite;
  json: string;
  bytes: number;
}

export function prepareWrites(writes: readonly EntityWrite[]): PreparedWrite[] {
  return writes.map((write) => {
    const json = JSON.stringify(write.entity);
    return { write, json, bytes: Buffer.byteLength(json) };
  });
}

/**
 * How `writes` change the usage, given the bytes of the entities among them that exist
 * now (by entityKey). Applied as the stores apply them: a `create-if-missing` only where
 * nothing exists, a `put` replacing whatever is there.
 */
export function usageDelta(writes: readonly PreparedWrite[], existingBytes: ReadonlyMap<string, number>): StoreUsage {
  const after = new Map(existingBytes);
  for (const p of writes.filter((w) => w.write.mode === "create-if-missing")) {
    const key = entityKey(p.write.blueprint, p.write.entity.identifier);
    if (!after.has(key)) after.set(key, p.bytes);
  }
  for (const p of writes.filter((w) => w.write.mode === "put")) after.set(entityKey(p.write.blueprint, p.write.entity.identifier), p.bytes);
  const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { entities: after.size - existingBytes.size, bytes: sum(after) - sum(existingBytes) };
}

/**
 * Throws StoreCapExceeded when `delta` would take `usage` past `cap`. A write that does
 * not grow a figure is always allowed, so a full store can still shrink entities.
 */
export function checkCap(usage: StoreUsage, delta: StoreUsage, cap: StoreCap | undefined): void {
  if (!cap) return;
  const after = { entities: usage.entities + delta.entities, bytes: usage.bytes + delta.bytes };
  if ((delta.entities > 0 && after.entities > cap.maxEntities) || (delta.bytes > 0 && after.bytes > cap.maxBytes)) throw new StoreCapExceeded(cap, after);
}
