/**
 * Entity writes and reads: bulk upsert (split by count and size, single-entity fallback
 * when Port refuses a whole bulk, per-entity errors from 207 answers) and paging through
 * a blueprint's entities. Bulks go out from a small worker pool (write-loop.ts); the
 * transport's adaptive limiter decides how many are really in flight. Deletes are in
 * entity-deletes.ts.
 */
import { PortError, isPortError } from "./errors";
import { splitIntoBulks, type Bulk, type SerializedEntity } from "./bulk-split";
import { SEARCH_MAX_PAGE } from "./limits";
import { bulkUpsertResponseSchema, entitySearchPageSchema, type PortEntity } from "./schemas";
import type { PortTransport, RetryEvent } from "./transport";
import { pool, snapshot, stoppedMidway, type EntityFailure, type WriteProgress } from "./write-loop";

export type { EntityFailure, WriteProgress } from "./write-loop";

export interface UpsertOptions {
  /** Merge into the entity Port holds (default true) instead of replacing it. */
  merge?: boolean;
  /** Let Port create related entities that do not exist yet (default true). */
  createMissingRelatedEntities?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
  /** How many failures to keep with details; the rest are only counted (default 1,000). */
  maxFailuresKept?: number;
}

export interface UpsertResult extends WriteProgress {
  /** Of `written`, how many were new (when Port says). */
  created: number;
  failures: EntityFailure[];
}

const enc = encodeURIComponent;
const UPSERT_FALLBACK_STATUSES = new Set([400, 413, 422]);

export function upsertEntities(transport: PortTransport, workers: number, blueprint: string, entities: Iterable<PortEntity>, options: UpsertOptions = {}): Promise<UpsertResult> {
  return upsert(transport, workers, blueprint, entities, (entity) => JSON.stringify(entity), options);
}

/** The same, for entities the caller holds as JSON text (sent as they are, not serialized again). */
export function upsertSerializedEntities(
  transport: PortTransport,
  workers: number,
  blueprint: string,
  entities: Iterable<SerializedEntity>,
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  return upsert(transport, workers, blueprint, entities, (entity) => entity.json, options);
}

async function upsert<T extends { identifier: string }>(
  transport: PortTransport,
  workers: number,
  blueprint: string,
  entities: Iterable<T>,
  jsonOf: (entity: T) => string,
  options: UpsertOptions,
): Promise<UpsertResult> {
  const result: UpsertResult = { written: 0, created: 0, failed: 0, retries: 0, requests: 0, failures: [] };
  const keep = options.maxFailuresKept ?? 1000;
  const query = {
    upsert: true,
    merge: options.merge ?? true,
    create_missing_related_entities: options.createMissingRelatedEntities ?? true,
  };
  const onRetry = (_: RetryEvent) => {
    result.retries += 1;
    options.onProgress?.(snapshot(result));
  };
  const fail = (f: EntityFailure) => {
    result.failed += 1;
    if (result.failures.length < keep) result.failures.push(f);
  };

  const writeSingle = async (entity: T, index: number, signal: AbortSignal) => {
    result.requests += 1;
    try {
      const { status } = await transport.request({
        method: "POST",
        path: `/v1/blueprints/${enc(blueprint)}/entities`,
        query,
        rawBody: jsonOf(entity),
        signal,
        onRetry,
        what: `Upserting entity ${entity.identifier} of ${blueprint}`,
      });
      result.written += 1;
      if (status === 201) result.created += 1;
    } catch (error) {
      if (!isPortError(error) || error.upstreamStatus === undefined || error.upstreamStatus >= 500 || error.upstreamStatus === 401) throw error;
      fail({ identifier: entity.identifier, index, status: error.upstreamStatus, error: error.portError, message: error.message });
    }
  };

  const writeBulk = async (bulk: Bulk<T>, signal: AbortSignal) => {
    result.requests += 1;
    let body: unknown;
    try {
      ({ body } = await transport.request({
        method: "POST",
        path: `/v1/blueprints/${enc(blueprint)}/entities/bulk`,
        query,
        rawBody: bulk.body,
        signal,
        onRetry,
        what: `Upserting ${bulk.entities.length} entities of ${blueprint}`,
      }));
    } catch (error) {
      // Port refused the bulk as a whole (too large, or one entity broke the request):
      // one request per entity finds out which ones, and writes the others.
      if (isPortError(error) && error.upstreamStatus !== undefined && UPSERT_FALLBACK_STATUSES.has(error.upstreamStatus)) {
        for (const [i, entity] of bulk.entities.entries()) await writeSingle(entity, bulk.indexes[i]!, signal);
        options.onProgress?.(snapshot(result));
        return;
      }
      throw error;
    }
    const parsed = bulkUpsertResponseSchema.safeParse(body);
    if (!parsed.success) throw new PortError("port_invalid_response", `Port's answer to a bulk upsert of ${blueprint} has no per-entity results.`);
    const failedIndexes = new Set<number>();
    for (const e of parsed.data.errors) {
      const entity = bulk.entities[e.index];
      if (!entity) continue;
      failedIndexes.add(e.index);
      fail({
        identifier: e.identifier && e.identifier !== "unknown" ? e.identifier : entity.identifier,
        index: bulk.indexes[e.index]!,
        status: e.statusCode,
        error: e.error,
        message: e.message ?? e.error ?? "rejected by Port",
      });
    }
    result.written += bulk.entities.length - failedIndexes.size;
    result.created += parsed.data.entities.filter((e) => e.created).length;
    options.onProgress?.(snapshot(result));
  };

  await stoppedMidway(result, "entities were written", () => pool(splitIntoBulks(entities, {}, jsonOf), workers, options.signal, writeBulk));
  return result;
}

export interface ListOptions {
  /** Entities per page (Port's search accepts up to 1,000; larger asks are capped); default 500. */
  pageSize?: number;
  signal?: AbortSignal;
}

/**
 * Pages of a blueprint's entities, in Port's order; only one page is held at a time, so
 * comparing with what Port holds costs one page plus what the caller keeps per entity
 * (for the sync: `entityFingerprint`, 22 characters, see fingerprint.ts).
 */
export async function* listEntities(transport: PortTransport, blueprint: string, options: ListOptions = {}): AsyncGenerator<PortEntity[]> {
  let from: string | undefined;
  for (;;) {
    const { body } = await transport.request({
      method: "POST",
      path: `/v1/blueprints/${enc(blueprint)}/entities/search`,
      body: { limit: Math.min(Math.max(1, options.pageSize ?? 500), SEARCH_MAX_PAGE), ...(from ? { from } : {}) },
      signal: options.signal,
      what: `Listing entities of ${blueprint}`,
    });
    const page = entitySearchPageSchema.safeParse(body);
    if (!page.success) throw new PortError("port_invalid_response", `Port's answer listing ${blueprint} is not a page of entities.`);
    if (page.data.entities.length) yield page.data.entities;
    if (!page.data.next || page.data.next === from) return;
    from = page.data.next;
  }
}
