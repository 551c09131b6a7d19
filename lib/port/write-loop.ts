/**
 * The loop shared by bulk upserts and bulk deletes: a small pool of workers over the
 * requests, stopping all on the first error, and the progress and partial result a
 * caller gets when it stops midway.
 */
import { PortError, isPortError } from "./errors";

export interface EntityFailure {
  identifier: string;
  /** Position in the caller's input. */
  index: number;
  /** Port's status for this entity (from the 207 body or the single request). */
  status?: number;
  /** Port's error name, e.g. `invalid_request`. */
  error?: string;
  /** Port's message, e.g. which property failed validation. */
  message: string;
}

export interface WriteProgress {
  /** Entities Port accepted (upsert) or removed (delete) so far. */
  written: number;
  failed: number;
  retries: number;
  requests: number;
}

/** What a bulk write loop reports when it throws (UpsertResult or DeleteResult). */
type WriteResult = NonNullable<PortError["partial"]>;

/** Runs `work` over `items` from `workers` concurrent loops; the first thrown error stops all. */
export async function pool<T>(items: Iterator<T>, workers: number, signal: AbortSignal | undefined, work: (item: T, signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let failure: unknown;
  const loop = async () => {
    for (;;) {
      if (combined.aborted) return;
      const next = items.next();
      if (next.done) return;
      try {
        await work(next.value, combined);
      } catch (error) {
        if (failure === undefined) failure = error;
        stop.abort(error);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
  if (signal?.aborted) throw new PortError("port_cancelled", "The Port operation was cancelled.", { status: 499, cause: signal.reason });
  if (failure !== undefined) throw failure;
}

/**
 * Runs a write loop; when it throws, the error carries what Port confirmed until then
 * (`partial`), and a cancellation says how far it got.
 */
export async function stoppedMidway<R extends WriteResult>(result: R, done: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isPortError(error)) throw error;
    // A copy: the caller's result keeps changing in workers that are still finishing.
    const partial = structuredClone(result);
    if (error.code !== "port_cancelled") {
      error.partial = partial;
      throw error;
    }
    const cancelled = new PortError("port_cancelled", `The Port operation was cancelled; ${result.written} ${done} before it stopped.`, { status: 499, cause: error.cause });
    cancelled.partial = partial;
    throw cancelled;
  }
}

export function snapshot(r: WriteProgress): WriteProgress {
  return { written: r.written, failed: r.failed, retries: r.retries, requests: r.requests };
}

