/**
 * The creation order of lib/port's orderBlueprints in words: numbered steps (targets
 * before the blueprints that relate to them), and each cycle with what it takes.
 */
import { orderBlueprints } from "@/lib/port/blueprint-order";
import type { Blueprint } from "@/lib/port/schemas";

export interface CreationOrder {
  steps: string[];
  cycles: string[];
}

const list = (names: readonly string[]) => names.join(", ");

export function creationOrder(blueprints: readonly Pick<Blueprint, "identifier" | "relations">[]): CreationOrder {
  const order = orderBlueprints(blueprints);
  const steps = order.steps.map((step) =>
    step.kind === "create"
      ? step.deferredRelations.length
        ? `Create ${step.identifier} without relations ${list(step.deferredRelations)}`
        : `Create ${step.identifier}`
      : `Patch ${step.identifier}: add relations ${list(step.relations)}`,
  );
  const cycles = order.cycles.map((ids) =>
    ids.length === 1
      ? `${ids[0]} relates to itself: create without relations ${ids[0]}, then patch relations.`
      : `${list(ids)} relate to each other: create without relations ${list(ids)}, then patch relations.`,
  );
  return { steps, cycles };
}
