/**
 * Bulk delete, the way Port answers it (shared/docs/ocean-and-port.md, "Delete"): batches
 * of at most 100 identifiers, `delete_dependents` always sent, and all or nothing. When
 * Port refuses a batch (with delete_dependents=false, one entity that a required relation
 * points at fails the whole batch and nothing is deleted), that batch's entities are
 * deleted one by one: those that can go, go, and each one that blocks is reported with
 * Port's status and message.
 */
import { PortError, isPortError } from "./errors";
import { DELETE_MAX_ENTITIES } from "./limits";
import { bulkDeleteResponseSchema } from "./schemas";
import type { PortTransport } from "./transport";
import { pool, snapshot, stoppedMidway, type EntityFailure, type WriteProgress } from "./write-loop";

export interface DeleteOptions {
  /** Also delete entities that depend on these (Port's `delete_dependents`); default false. */
  deleteDependents?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
}

export interface DeleteResult extends WriteProgress {
  /** Identifiers Port deleted (`written` is how many). */
  deleted: string[];
  /** Identifiers Port no longer had (counted as done, not as failures). */
  missing: number;
  /** Entities Port refused to delete, each with Port's status, error name and message (`failed` is how many). */
  failures: Omit<EntityFailure, "index">[];
}

/** Port's answers that refuse a batch as a whole, for a reason that may lie in one entity. */
const REFUSED_BATCH_STATUSES = new Set([400, 409, 422]);

const enc = encodeURIComponent;

function* batches(identifiers: Iterable<string>, size: number): Generator<string[]> {
  let batch = new Set<string>();
  for (const id of identifiers) {
    batch.add(id);
    if (batch.size === size) {
      yield [...batch];
      batch = new Set();
    }
  }
  if (batch.size) yield [...batch];
}

const refusedBatch = (error: unknown): error is PortError =>
  isPortError(error) && error.upstreamStatus !== undefined && REFUSED_BATCH_STATUSES.has(error.upstreamStatus);

export async function deleteEntities(
  transport: PortTransport,
  workers: number,
  blueprint: string,
  identifiers: Iterable<string>,
  options: DeleteOptions = {},
): Promise<DeleteResult> {
  const result: DeleteResult = { written: 0, deleted: [], missing: 0, failed: 0, retries: 0, requests: 0, failures: [] };
  const deleteDependents = options.deleteDependents ?? false;
  const onRetry = () => (result.retries += 1);
  const gone = (id: string) => {
    result.deleted.push(id);
    result.written += 1;
  };

  const deleteBatch = async (batch: string[], signal: AbortSignal) => {
    result.requests += 1;
    let body: unknown;
    try {
      ({ body } = await transport.request({
        method: "POST",
        path: `/v1/blueprints/${enc(blueprint)}/bulk/entities/delete`,
        query: { delete_dependents: deleteDependents },
        body: { entities: batch },
        signal,
        onRetry,
        what: `Deleting ${batch.length} entities of ${blueprint}`,
      }));
    } catch (error) {
      if (!refusedBatch(error)) throw error;
      await deleteOneByOne(batch, signal);
      options.onProgress?.(snapshot(result));
      return;
    }
    const parsed = bulkDeleteResponseSchema.safeParse(body);
    if (!parsed.success) throw new PortError("port_invalid_response", `Port's answer to a bulk delete of ${blueprint} does not list the deleted entities.`);
    const deleted = new Set(parsed.data.deletedEntities);
    for (const id of batch) {
      if (deleted.has(id)) gone(id);
      else result.missing += 1;
    }
    options.onProgress?.(snapshot(result));
  };

  /** One entity: "deleted", "missing", or Port's refusal (anything else is thrown). */
  const deleteOne = async (id: string, signal: AbortSignal): Promise<"deleted" | "missing" | Omit<EntityFailure, "index">> => {
    result.requests += 1;
    try {
      await transport.request({
        method: "DELETE",
        path: `/v1/blueprints/${enc(blueprint)}/entities/${enc(id)}`,
        query: { delete_dependents: deleteDependents },
        signal,
        onRetry,
        what: `Deleting entity ${id} of ${blueprint}`,
      });
      return "deleted";
    } catch (error) {
      if (!isPortError(error) || error.upstreamStatus === undefined || error.upstreamStatus >= 500 || error.upstreamStatus === 401) throw error;
      if (error.upstreamStatus === 404) return "missing";
      return { identifier: id, status: error.upstreamStatus, error: error.portError, message: error.message };
    }
  };

  /**
   * A refused batch, entity by entity. An entity refused before another of the batch was
   * deleted is tried again (it may have been blocked by that one), until a pass deletes
   * nothing more.
   */
  const deleteOneByOne = async (batch: readonly string[], signal: AbortSignal) => {
    let pending = [...batch];
    const final: Omit<EntityFailure, "index">[] = [];
    while (pending.length) {
      const refused: { at: number; failure: Omit<EntityFailure, "index"> }[] = [];
      let lastDeletedAt = -1;
      for (const [at, id] of pending.entries()) {
        const outcome = await deleteOne(id, signal);
        if (outcome === "missing") result.missing += 1;
        else if (outcome !== "deleted") refused.push({ at, failure: outcome });
        else {
          gone(id);
          lastDeletedAt = at;
        }
      }
      final.push(...refused.filter((r) => r.at > lastDeletedAt).map((r) => r.failure));
      pending = refused.filter((r) => r.at < lastDeletedAt).map((r) => r.failure.identifier);
    }
    result.failed += final.length;
    result.failures.push(...final);
  };

  await stoppedMidway(result, "entities were deleted", () => pool(batches(identifiers, DELETE_MAX_ENTITIES), workers, options.signal, deleteBatch));
  return result;
}
