/**
 * Write step: each page's creates and updates go to Port's bulk upsert (lib/port: bulks
 * of 20, adaptive concurrency, 207 per-entity errors) while the next page is fetched and
 * mapped; at most `pagesInFlight` pages are being written at once. What Port confirmed
 * becomes the scope's state; what it refused is reported entity by entity. An error that
 * is not about one entity (Port down past its retries, credentials refused) stops the run.
 *
 * New entities are recorded before they are sent (write-ahead, committed): a process
 * killed after Port took them but before their state was saved would otherwise leave
 * entities in Port this scope does not know it wrote, never reconciled (never deleted
 * when they leave Entra ID). The record is unconfirmed, so the next run writes the
 * entity again unless Port confirmed it here.
 */
import { isPortError, type PortClient } from "@/lib/port";
import { wireJson } from "./diff";
import type { PlannedWrite } from "./plan";
import { errorEntry, type RunRecorder } from "./recorder";
import type { StateStore } from "./state-store";

export interface WriterOptions {
  runId: string;
  signal: AbortSignal;
  /** Most pages written at once (default 3); Port's own concurrency bound applies across them. */
  pagesInFlight?: number;
  createMissingRelatedEntities?: boolean;
  /** Port failed as a whole: the pipeline stops. */
  onFatal: (error: unknown) => void;
}

export class EntityWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly max: number;

  constructor(
    private readonly port: PortClient,
    private readonly store: StateStore,
    private readonly recorder: RunRecorder,
    private readonly options: WriterOptions,
  ) {
    this.max = Math.max(1, options.pagesInFlight ?? 3);
  }

  /** Starts writing a page; waits first while `pagesInFlight` pages are being written. */
  async submit(resource: number, kind: string, blueprint: string, writes: PlannedWrite[]): Promise<void> {
    if (writes.length === 0) return;
    while (this.inFlight.size >= this.max) await Promise.race(this.inFlight);
    const task = this.write(resource, kind, blueprint, writes).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  /** The creates of a page, on disk as "maybe in Port" before Port is asked. */
  private async recordIntent(blueprint: string, kind: string, writes: PlannedWrite[]): Promise<void> {
    const fresh = writes.filter((w) => w.isNew);
    if (fresh.length === 0) return;
    await this.store.recordIntent(blueprint, fresh.map((w) => ({ identifier: w.identifier, content: w.content, kind })), this.options.runId);
  }

  private async write(resource: number, kind: string, blueprint: string, writes: PlannedWrite[]): Promise<void> {
    const { recorder, store, options } = this;
    const counters = recorder.resources[resource]!;
    try {
      await this.recordIntent(blueprint, kind, writes);
      // The planned texts are the bodies (diff.ts wireJson), made as each bulk goes out.
      const result = await this.port.upsertSerializedEntities(
        blueprint,
        (function* () {
          for (const w of writes) yield { identifier: w.identifier, json: wireJson(w.identifier, w.content) };
        })(),
        { merge: true, createMissingRelatedEntities: options.createMissingRelatedEntities ?? true, signal: options.signal, maxFailuresKept: writes.length },
      );
      recorder.portWrites.upsertRequests += result.requests;
      const refused = new Set(result.failures.map((f) => f.index));
      const written = writes.filter((_, i) => !refused.has(i));
      // Creates were recorded with their content: confirming them sets one short column.
      await store.confirm(blueprint, written.filter((w) => w.isNew).map((w) => w.identifier));
      await store.saveWritten(blueprint, written.filter((w) => !w.isNew).map((w) => ({ identifier: w.identifier, content: w.content, kind })), options.runId);
      // A refused create is not in Port: its intent record goes.
      await store.remove(blueprint, writes.filter((w, i) => refused.has(i) && w.isNew).map((w) => w.identifier));
      // A refused update stays produced by this run (never a reason to delete it).
      await store.markSeen(blueprint, writes.filter((w, i) => refused.has(i) && !w.isNew).map((w) => w.identifier), options.runId, kind);
      for (const w of written) {
        if (w.isNew) counters.created += 1;
        else counters.updated += 1;
      }
      counters.failed += result.failed;
      for (const f of result.failures) {
        recorder.error({
          stage: "write",
          resource,
          blueprint,
          identifier: f.identifier,
          code: f.error ?? "port_rejected",
          message: f.message,
          ...(f.status !== undefined ? { status: f.status } : {}),
          hint: "Port refused this entity; its message says which property. Fix the mapping or the blueprint and run again.",
        });
      }
    } catch (error) {
      if (isPortError(error) && error.partial) recorder.portWrites.upsertRequests += error.partial.requests;
      if (!(isPortError(error) && error.code === "port_cancelled")) {
        recorder.error(errorEntry("write", error, { resource, blueprint }));
        options.onFatal(error);
      }
    } finally {
      recorder.progress(resource);
    }
  }
}
