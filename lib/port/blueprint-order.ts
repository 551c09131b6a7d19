/**
 * The order in which blueprints can be created in Port. A relation needs its target to
 * exist, so targets come first; relations inside a cycle (user.groups -> group,
 * group.members -> user, or user.manager -> user) cannot be satisfied by any order, so
 * those blueprints are created without them and the relations are patched in after.
 * The export screen shows these steps; `ensureBlueprints` performs them.
 */
import type { BlueprintInput } from "./schemas";

export type BlueprintStep =
  /** Create the blueprint; `deferredRelations` are left out and patched in later. */
  | { kind: "create"; identifier: string; deferredRelations: string[] }
  /** Add relations that a cycle kept out of the create step. */
  | { kind: "add-relations"; identifier: string; relations: string[] };

export interface BlueprintOrder {
  /** Create steps (targets before sources), then the relation patches. */
  steps: BlueprintStep[];
  /** Identifiers in creation order. */
  order: string[];
  /** Each set of blueprints whose relations form a cycle (a self-relation counts). */
  cycles: string[][];
}

type Relations = Record<string, { target: string }>;

/** Orders blueprints for creation; relations to blueprints outside the set are assumed to exist. */
export function orderBlueprints(blueprints: readonly Pick<BlueprintInput, "identifier" | "relations">[]): BlueprintOrder {
  const ids = blueprints.map((b) => b.identifier);
  const known = new Set(ids);
  const edges = new Map<string, string[]>();
  for (const b of blueprints) {
    const targets = Object.values((b.relations ?? {}) as Relations).map((r) => r.target).filter((t) => known.has(t));
    edges.set(b.identifier, [...new Set(targets)]);
  }

  const components = stronglyConnectedComponents(ids, edges);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((id) => componentOf.set(id, i)));

  // Tarjan emits components in reverse topological order of the edge direction
  // source -> target, i.e. targets first: exactly the creation order.
  const steps: BlueprintStep[] = [];
  const patches: BlueprintStep[] = [];
  const cycles: string[][] = [];
  for (const [index, component] of components.entries()) {
    const members = [...component].sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
    const selfLoop = members.length === 1 && (edges.get(members[0]!) ?? []).includes(members[0]!);
    if (members.length > 1 || selfLoop) cycles.push(members);
    for (const id of members) {
      const blueprint = blueprints.find((b) => b.identifier === id)!;
      const deferred = Object.entries((blueprint.relations ?? {}) as Relations)
        .filter(([, r]) => componentOf.get(r.target) === index)
        .map(([name]) => name);
      steps.push({ kind: "create", identifier: id, deferredRelations: deferred });
      if (deferred.length) patches.push({ kind: "add-relations", identifier: id, relations: deferred });
    }
  }
  steps.push(...patches);
  return { steps, order: steps.filter((s) => s.kind === "create").map((s) => s.identifier), cycles };
}

/** Tarjan's algorithm; recursive, which is fine: blueprint graphs have a handful of nodes. */
function stronglyConnectedComponents(nodes: string[], edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];

  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}
