/**
 * Plan step: a page's entities of one blueprint against what this scope wrote before.
 * An entity whose content equals what Port confirmed is unchanged (no write; marked as
 * produced by this run, so reconciliation keeps it); the others are creates (never
 * written) or updates. A dry run also collects the plan per blueprint: counts, a few
 * examples, and for updates the property-level diff against what was written.
 */
import type { PortEntity } from "@/lib/port";
import { contentJson, parseContent, propertyChanges, sameContent, type EntityContent } from "./diff";
import type { StateStore } from "./state-store";
import { MAX_PLAN_EXAMPLES, type BlueprintPlan } from "./types";

/**
 * A create or update to send: the entity as its text only (`contentJson`; the upsert's
 * body is made from it, diff.ts `wireJson`), so the mapped objects are garbage once a page
 * is planned rather than held through its Port writes. (No change in the bench's wall
 * time or CPU could be measured from this; it is what the writer needs, and no more.)
 */
export interface PlannedWrite {
  identifier: string;
  content: string;
  /** Not written by this scope before. */
  isNew: boolean;
  /** What was written before (updates), for the diff. */
  previous?: string;
}

export interface PagePlan {
  writes: PlannedWrite[];
  unchanged: number;
  /** Identifiers this run had already produced (Port keeps the last one written). */
  duplicates: string[];
}

export async function planPage(
  store: StateStore,
  runId: string,
  blueprint: string,
  kind: string,
  entities: readonly PortEntity[],
): Promise<PagePlan> {
  const stored = await store.load(blueprint, entities.map((e) => e.identifier));
  const plan: PagePlan = { writes: [], unchanged: 0, duplicates: [] };
  const unchanged: string[] = [];
  for (const entity of entities) {
    const content = contentJson(entity);
    const before = stored.get(entity.identifier);
    if (before?.seenRunId === runId) plan.duplicates.push(entity.identifier);
    // The same text as written is the same content (a resync with no change in Entra ID
    // hashes nothing); a different text is compared by fingerprint, blind to key order,
    // null versus absent and the order of a many-relation. An unconfirmed row (drift
    // found, or a create Port may not have) is always written.
    if (before?.confirmed && (before.content === content || sameContent(entity, before.content))) {
      unchanged.push(entity.identifier);
      continue;
    }
    plan.writes.push({ identifier: entity.identifier, content, isNew: !before, previous: before?.content });
  }
  plan.unchanged = unchanged.length;
  await store.markSeen(blueprint, unchanged, runId, kind);
  return plan;
}

/** An example's title, as the plan shows it (text or nothing). */
function titleOf(content: EntityContent): string | null {
  return (content.title as string | null | undefined) ?? null;
}

/** The dry run's plan, blueprint by blueprint, with bounded examples. */
export class PlanCollector {
  private readonly plans = new Map<string, BlueprintPlan>();

  private of(blueprint: string): BlueprintPlan {
    let p = this.plans.get(blueprint);
    if (!p) this.plans.set(blueprint, (p = { blueprint, create: 0, update: 0, unchanged: 0, delete: 0, examples: { create: [], update: [], delete: [] } }));
    return p;
  }

  add(blueprint: string, page: PagePlan): void {
    const p = this.of(blueprint);
    p.unchanged += page.unchanged;
    for (const w of page.writes) {
      if (w.isNew) {
        p.create += 1;
        if (p.examples.create.length < MAX_PLAN_EXAMPLES) p.examples.create.push({ identifier: w.identifier, title: titleOf(parseContent(w.content)) });
      } else {
        p.update += 1;
        if (p.examples.update.length < MAX_PLAN_EXAMPLES) {
          const after = parseContent(w.content);
          p.examples.update.push({ identifier: w.identifier, title: titleOf(after), changes: propertyChanges(parseContent(w.previous ?? "{}"), after) });
        }
      }
    }
  }

  deletions(blueprint: string, count: number, examples: { identifier: string; content: string }[]): void {
    const p = this.of(blueprint);
    p.delete += count;
    for (const e of examples) {
      if (p.examples.delete.length >= MAX_PLAN_EXAMPLES) break;
      p.examples.delete.push({ identifier: e.identifier, title: titleOf(parseContent(e.content)) });
    }
  }

  result(): BlueprintPlan[] {
    return [...this.plans.values()];
  }
}
