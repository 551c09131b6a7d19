/**
 * Splits entities into bulk requests Port accepts: at most 20 entities and strictly
 * under 1 MiB of body each. Sizes are measured on the exact JSON that will be sent, so a request of
 * a few large entities is split by size rather than rejected with a 413.
 */
import { BULK_MAX_BYTES, BULK_MAX_ENTITIES } from "./limits";
import type { PortEntity } from "./schemas";

export interface Bulk<T = PortEntity> {
  entities: T[];
  /** Index of each entity in the caller's input, for per-entity results. */
  indexes: number[];
  /** The request body, already serialized: `{"entities":[...]}`. */
  body: string;
}

const ENVELOPE_BYTES = Buffer.byteLength('{"entities":[]}');

export interface SplitLimits {
  maxEntities?: number;
  maxBytes?: number;
}

/** An entity as its JSON text, made by the caller (the sync keeps entities as text: lib/sync/plan.ts). */
export interface SerializedEntity {
  identifier: string;
  /** What JSON.stringify gives for the entity: sent as it is. */
  json: string;
}

const stringify = (entity: unknown) => JSON.stringify(entity);

/**
 * Lazily yields bulks from any iterable of entities, so a caller streaming pages never
 * holds more than one bulk serialized. An entity alone over the byte limit gets a bulk of
 * its own (Port will answer 413, and the writer then reports that entity).
 */
export function* splitIntoBulks<T = PortEntity>(entities: Iterable<T>, limits: SplitLimits = {}, jsonOf: (entity: T, index: number) => string = stringify): Generator<Bulk<T>> {
  const maxEntities = limits.maxEntities ?? BULK_MAX_ENTITIES;
  const maxBytes = limits.maxBytes ?? BULK_MAX_BYTES;
  let parts: string[] = [];
  let batch: T[] = [];
  let indexes: number[] = [];
  let bytes = ENVELOPE_BYTES;
  const flush = (): Bulk<T> => {
    const bulk = { entities: batch, indexes, body: `{"entities":[${parts.join(",")}]}` };
    parts = [];
    batch = [];
    indexes = [];
    bytes = ENVELOPE_BYTES;
    return bulk;
  };
  let index = 0;
  for (const entity of entities) {
    const json = jsonOf(entity, index);
    const jsonBytes = Buffer.byteLength(json);
    // +1 for the comma before every entity but the first of a bulk.
    // Strictly under the limit: Port's "1 MiB" is a ceiling, and equal to it is not "under".
    if (batch.length && (batch.length >= maxEntities || bytes + 1 + jsonBytes >= maxBytes)) yield flush();
    bytes += jsonBytes + (batch.length ? 1 : 0);
    parts.push(json);
    batch.push(entity);
    indexes.push(index++);
  }
  if (batch.length) yield flush();
}
