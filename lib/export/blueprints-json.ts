/**
 * Blueprints for Port, in the order they can be created (relation targets first), and,
 * when relations form a cycle (user.groups -> group, group.members -> user), a second form
 * that Port accepts in two passes: every blueprint without its cyclic relations, then a
 * PATCH per blueprint adding them (ocean-and-port.md, "Port API").
 */
import { orderBlueprints, type BlueprintOrder } from "../port/blueprint-order";
import type { BlueprintInput } from "../port/schemas";

export interface SplitBlueprints {
  /** POST /v1/blueprints, in this order. */
  create: BlueprintInput[];
  /** Then PATCH /v1/blueprints/{identifier} with `{relations}` (the blueprint's whole relations object). */
  patchRelations: { identifier: string; relations: Record<string, unknown> }[];
}

export interface BlueprintsExport {
  order: BlueprintOrder;
  /** In creation order. */
  ordered: BlueprintInput[];
  /** Null when no relation is part of a cycle (the ordered list can be created as it is). */
  split: SplitBlueprints | null;
}

export function blueprintsExport(blueprints: readonly BlueprintInput[]): BlueprintsExport {
  const order = orderBlueprints(blueprints);
  const byId = new Map(blueprints.map((b) => [b.identifier, b]));
  const ordered = order.order.map((id) => byId.get(id)!);
  if (order.cycles.length === 0) return { order, ordered, split: null };
  const create: BlueprintInput[] = [];
  const patchRelations: SplitBlueprints["patchRelations"] = [];
  for (const step of order.steps) {
    const blueprint = byId.get(step.identifier)!;
    if (step.kind === "create") {
      const deferred = new Set(step.deferredRelations);
      const relations = Object.fromEntries(Object.entries(blueprint.relations ?? {}).filter(([name]) => !deferred.has(name)));
      create.push({ ...blueprint, relations });
    } else {
      patchRelations.push({ identifier: blueprint.identifier, relations: { ...(blueprint.relations ?? {}) } });
    }
  }
  return { order, ordered, split: { create, patchRelations } };
}

export const blueprintsJson = (ordered: readonly BlueprintInput[]): string => `${JSON.stringify(ordered, null, 2)}\n`;
export const splitBlueprintsJson = (split: SplitBlueprints): string => `${JSON.stringify(split, null, 2)}\n`;
