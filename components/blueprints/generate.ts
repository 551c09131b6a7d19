/**
 * The Blueprints step's starting points: blueprints generated from the fields picked per
 * sampled endpoint (lib/schema's generateBlueprint, with the suggested relations and the
 * complete group membership), or the seed template; and how a new set joins the existing
 * one (replace all, or add only the missing). Texts are JSON with 2-space indentation.
 */
import type { BlueprintsDocument } from "@/lib/builder/contracts";
import type { Blueprint } from "@/lib/port/schemas";
import { blueprintIdentifierForKind, generateBlueprint, groupMembershipBlueprint, seedBlueprints, type InferredField, type PickedField } from "@/lib/schema";

export type BlueprintEntry = BlueprintsDocument["blueprints"][number];

/** One sampled endpoint as the Fields step left it, with its inference. */
export interface EndpointPicks {
  endpoint: string;
  kind: string;
  picked: string[];
  identifier: string;
  title: string;
  fields: readonly InferredField[];
}

export interface Generation {
  entries: BlueprintEntry[];
  /** What was left out or added, in words. */
  notes: string[];
}

const USER = "entra-id-user";
const GROUP = "entra-id-group";
const MEMBERSHIP = "entra-id-group-membership";

export const blueprintText = (blueprint: Blueprint): string => JSON.stringify(blueprint, null, 2);

const entryOf = (blueprint: Blueprint): BlueprintEntry => ({ identifier: blueprint.identifier, text: blueprintText(blueprint) });

/**
 * Blueprints from the picked fields. Endpoints of one kind (two `/groups/{id}/members`
 * samples) make one blueprint with the union of their picks; picks no longer in the
 * sample are left out; relations to blueprints outside the set are dropped (Port refuses a
 * relation to a blueprint it does not have), each with a note.
 */
export function generateFromPicks(endpoints: readonly EndpointPicks[]): Generation {
  const notes: string[] = [];
  const groups = new Map<string, { kind: string; first: EndpointPicks; fields: PickedField[] }>();
  for (const e of endpoints) {
    if (e.picked.length === 0) {
      notes.push(`${e.endpoint}: no field picked, so no blueprint.`);
      continue;
    }
    const identifier = blueprintIdentifierForKind(e.kind);
    const group = groups.get(identifier) ?? { kind: e.kind, first: e, fields: [] };
    groups.set(identifier, group);
    for (const path of e.picked) {
      if (group.fields.some((f) => f.path === path)) continue;
      const field = e.fields.find((f) => f.path === path);
      if (!field) {
        notes.push(`${e.endpoint}: ${path} is no longer in the sample and was left out.`);
        continue;
      }
      group.fields.push({ path: field.path, type: field.type, format: field.format });
    }
  }

  const blueprints = [...groups.values()].map(({ kind, first, fields }) =>
    generateBlueprint({ kind, fields, identifier: first.identifier.trim() || undefined, title: first.title.trim() || undefined }).blueprint,
  );
  const ids = new Set(blueprints.map((b) => b.identifier));
  if (ids.has(USER) && ids.has(GROUP) && !ids.has(MEMBERSHIP)) {
    blueprints.push(groupMembershipBlueprint());
    ids.add(MEMBERSHIP);
    notes.push(`Added ${MEMBERSHIP}: one entity per group and member user, so every member is listed (past $expand's cap of 20).`);
  }
  for (const blueprint of blueprints) {
    for (const [name, relation] of Object.entries(blueprint.relations)) {
      if (ids.has(relation.target)) continue;
      delete blueprint.relations[name];
      notes.push(`${blueprint.identifier}: relation ${name} left out, there is no ${relation.target} blueprint (sample and pick that endpoint, or add it by hand if Port already has it).`);
    }
  }
  return { entries: blueprints.map(entryOf), notes };
}

/** The seed template: users, groups, applications, service principals and group membership. */
export function templateEntries(): BlueprintEntry[] {
  return seedBlueprints().map(entryOf);
}

export type MergeMode = "replace" | "missing";

/** The new set replacing the existing blueprints, or only the blueprints not there yet added after them. */
export function mergeEntries(existing: readonly BlueprintEntry[], incoming: readonly BlueprintEntry[], mode: MergeMode): BlueprintEntry[] {
  if (mode === "replace") return [...incoming];
  const have = new Set(existing.map((e) => e.identifier));
  return [...existing, ...incoming.filter((e) => !have.has(e.identifier))];
}

/** How many of `incoming` the existing set does not have yet. */
export function missingCount(existing: readonly BlueprintEntry[], incoming: readonly BlueprintEntry[]): number {
  const have = new Set(existing.map((e) => e.identifier));
  return incoming.filter((e) => !have.has(e.identifier)).length;
}
