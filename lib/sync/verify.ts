/**
 * "Verify against Port": reads Port's current entities of the scope's blueprints, a page
 * at a time, and compares them with what this scope wrote: changed in Port (by hand, or
 * by another writer: only the keys this project writes are compared), missing in Port,
 * and Port's entities this scope never wrote (left alone). A real run then writes the
 * drifted and missing ones again, whatever the mapping gives; a dry run only reports.
 */
import { isPortError, type PortClient } from "@/lib/port";
import { parseContent, propertyChanges } from "./diff";
import { errorEntry, type RunRecorder } from "./recorder";
import type { StateStore } from "./state-store";
import { MAX_PLAN_EXAMPLES, type BlueprintDrift } from "./types";

export interface VerifyInput {
  port: PortClient;
  store: StateStore;
  recorder: RunRecorder;
  runId: string;
  blueprints: readonly string[];
  /** False: mark drifted and missing entities so this run writes them again. */
  dryRun: boolean;
  signal: AbortSignal;
}

async function compareListing(input: VerifyInput, drift: BlueprintDrift): Promise<void> {
  const { port, store, runId, signal } = input;
  const bp = drift.blueprint;
  try {
    for await (const page of port.listEntities(bp, { pageSize: 500, signal })) {
      const written = await store.load(bp, page.map((e) => e.identifier));
      const changed: string[] = [];
      for (const entity of page) {
        const state = written.get(entity.identifier);
        if (!state) {
          drift.unmanaged += 1;
          continue;
        }
        drift.checked += 1;
        const ours = parseContent(state.content);
        const changes = propertyChanges(ours, entity, ours);
        if (changes.length === 0) continue;
        drift.changed += 1;
        changed.push(entity.identifier);
        if (drift.examples.changed.length < MAX_PLAN_EXAMPLES) drift.examples.changed.push({ identifier: entity.identifier, title: entity.title ?? null, changes });
      }
      await store.markChecked(bp, [...written.keys()], runId);
      if (!input.dryRun) await store.invalidate(bp, changed);
    }
  } catch (error) {
    // A blueprint Port does not have: every entity written to it is missing.
    if (!(isPortError(error) && error.code === "port_not_found")) throw error;
  }
}

async function countMissing(input: VerifyInput, drift: BlueprintDrift): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = await input.store.uncheckedPage(drift.blueprint, input.runId, after);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.identifier;
    drift.missing += rows.length;
    for (const r of rows) {
      if (drift.examples.missing.length >= MAX_PLAN_EXAMPLES) break;
      drift.examples.missing.push({ identifier: r.identifier, title: parseContent(r.content).title ?? null });
    }
    if (!input.dryRun) await input.store.invalidate(drift.blueprint, rows.map((r) => r.identifier));
  }
}

export async function verifyAgainstPort(input: VerifyInput): Promise<BlueprintDrift[]> {
  const out: BlueprintDrift[] = [];
  for (const blueprint of input.blueprints) {
    const drift: BlueprintDrift = { blueprint, checked: 0, changed: 0, missing: 0, unmanaged: 0, examples: { changed: [], missing: [] } };
    try {
      await compareListing(input, drift);
      await countMissing(input, drift);
    } catch (error) {
      if (isPortError(error) && error.code === "port_cancelled") throw error;
      input.recorder.error(errorEntry("verify", error, { blueprint }));
    }
    out.push(drift);
  }
  return out;
}
