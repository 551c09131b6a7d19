/**
 * Reconcile step: delete from Port the entities this scope wrote before and did not
 * produce in this run, and only when that is safe (shared/docs/ocean-and-port.md,
 * "Reconciliation", stricter than Ocean):
 * - the run had no error at all (fetch errors after retries, page cap, nextLink loop or
 *   foreign nextLink, selector errors, write failures) and was not cancelled;
 * - the deletions stay within `entityDeletionThreshold` (default 0.9) of what it had written.
 * Otherwise nothing is deleted and the run says why. Port's bulk delete is all or nothing:
 * lib/port retries a refused batch entity by entity; each refusal is reported with Port's
 * reason and stays in the state (it is still in Port). A dry run only counts.
 */
import type { PortClient } from "@/lib/port";
import { isPortError } from "@/lib/port";
import type { PlanCollector } from "./plan";
import { errorEntry, type RunRecorder } from "./recorder";
import type { StateStore } from "./state-store";
import type { DeletionReport } from "./types";

export const DEFAULT_DELETION_THRESHOLD = 0.9;

export interface ReconcileInput {
  port: PortClient;
  store: StateStore;
  recorder: RunRecorder;
  runId: string;
  /** Entities the scope had written when the run started. */
  previous: number;
  threshold: number;
  deleteDependents: boolean;
  /** Why this run must not delete (its errors, a cancel), or null. */
  blocked: string | null;
  /** Blueprints this run produced, in the order their entities should go (dependents first). */
  order: readonly string[];
  /** Resource index by kind, to count deletions per resource. */
  resourceOfKind: ReadonlyMap<string, number>;
  signal: AbortSignal;
  dryRun: boolean;
  plan?: PlanCollector;
}

const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;

export function thresholdProblem(stale: number, previous: number, threshold: number): string | null {
  if (stale === 0 || stale <= threshold * previous) return null;
  return `Deleting ${stale} of the ${previous} entities this sync wrote (${percent(stale / previous)}) is more than entityDeletionThreshold allows (${percent(threshold)}); nothing was deleted. If they really are gone from Entra ID, raise entityDeletionThreshold for one run.`;
}

export async function reconcile(input: ReconcileInput): Promise<DeletionReport> {
  const { store, recorder, runId } = input;
  const staleByBlueprint = await store.staleCounts(runId);
  const stale = [...staleByBlueprint.values()].reduce((a, b) => a + b, 0);
  const report: DeletionReport = { performed: false, skippedReason: null, previous: input.previous, stale, threshold: input.threshold, deleted: 0, refused: 0 };
  // Blueprints this run no longer produces at all go first, then the others, dependents first.
  const blueprints = [...[...staleByBlueprint.keys()].filter((b) => !input.order.includes(b)), ...input.order.filter((b) => staleByBlueprint.has(b))];
  report.skippedReason = input.blocked ?? thresholdProblem(stale, input.previous, input.threshold);

  if (input.dryRun) {
    for (const bp of blueprints) input.plan?.deletions(bp, staleByBlueprint.get(bp)!, await store.stalePage(bp, runId, null, 5));
    return report;
  }
  if (report.skippedReason) return report;
  report.performed = true;
  for (const blueprint of blueprints) {
    let after: string | null = null;
    for (;;) {
      const rows = await store.stalePage(blueprint, runId, after);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.identifier;
      try {
        const result = await input.port.deleteEntities(blueprint, rows.map((r) => r.identifier), { deleteDependents: input.deleteDependents, signal: input.signal });
        recorder.portWrites.deleteRequests += result.requests;
        const refused = new Set(result.failures.map((f) => f.identifier));
        for (const f of result.failures) {
          recorder.error({
            stage: "delete",
            blueprint,
            identifier: f.identifier,
            code: f.error ?? "port_refused_delete",
            message: `Port refused to delete ${f.identifier}: ${f.message}`,
            ...(f.status !== undefined ? { status: f.status } : {}),
            hint: "Another entity depends on it (deleteDependentEntities is false), or Port holds it differently; it was kept.",
          });
        }
        const gone = rows.filter((r) => !refused.has(r.identifier));
        await store.remove(blueprint, gone.map((r) => r.identifier));
        report.deleted += gone.length;
        report.refused += refused.size;
        for (const r of gone) {
          const index = input.resourceOfKind.get(r.kind);
          if (index !== undefined) recorder.resources[index]!.deleted += 1;
        }
        for (const index of new Set(gone.map((r) => input.resourceOfKind.get(r.kind)))) if (index !== undefined) recorder.progress(index);
      } catch (error) {
        if (isPortError(error) && error.partial) recorder.portWrites.deleteRequests += error.partial.requests;
        // Which entities of that batch went is unknown: their rows stay; the next run's
        // delete of an entity Port no longer has counts as done.
        recorder.error(errorEntry("delete", error, { blueprint }));
        return report;
      }
    }
  }
  return report;
}
