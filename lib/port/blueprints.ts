/**
 * Reading and writing blueprints, and `ensureBlueprints`: make Port hold every blueprint
 * a mapping needs, creating the missing ones in dependency order (cycles: without the
 * cyclic relations first, patched in after) and adding missing properties and relations
 * to existing ones. Conflicts are checked for all blueprints before anything is written.
 */
import { AppError } from "../errors";
import { mergeBlueprint, withoutRelations, type BlueprintConflict } from "./blueprint-merge";
import { orderBlueprints, type BlueprintStep } from "./blueprint-order";
import { PortError, isPortError } from "./errors";
import { blueprintSchema, type Blueprint, type BlueprintInput } from "./schemas";
import type { PortTransport } from "./transport";

export interface BlueprintUpdate {
  identifier: string;
  addedProperties: string[];
  addedRelations: string[];
}

export interface EnsureBlueprintsReport {
  /** Created in Port by this call. */
  created: string[];
  /** Existing blueprints that received properties or relations. */
  updated: BlueprintUpdate[];
  /** Existing blueprints that already had everything. */
  unchanged: string[];
  /** Only filled with `allowConflicts`; otherwise conflicts throw before any write. */
  conflicts: BlueprintConflict[];
  /** The steps performed, in order. */
  steps: BlueprintStep[];
}

export interface EnsureBlueprintsOptions {
  /** Write what does not conflict and report conflicts instead of throwing. */
  allowConflicts?: boolean;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;

function parseBlueprint(raw: unknown, what: string): Blueprint {
  const parsed = blueprintSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_blueprint", `${what}: ${issue.path.join(".") || "blueprint"}: ${issue.message}`, {
      status: 400,
      location: { path: issue.path.join(".") },
      hint: "Correct the blueprint JSON.",
    });
  }
  return parsed.data;
}

function blueprintFromAnswer(body: unknown, fallback: Blueprint): Blueprint {
  const inner = (body as { blueprint?: unknown } | undefined)?.blueprint;
  const parsed = blueprintSchema.safeParse(inner);
  return parsed.success ? parsed.data : fallback;
}

/** Port's blueprint, or null when it does not exist. */
export async function getBlueprint(transport: PortTransport, identifier: string, signal?: AbortSignal): Promise<Blueprint | null> {
  try {
    const { body } = await transport.request({ method: "GET", path: `/v1/blueprints/${enc(identifier)}`, signal, what: `Reading blueprint ${identifier}` });
    const inner = (body as { blueprint?: unknown } | undefined)?.blueprint;
    const parsed = blueprintSchema.safeParse(inner);
    if (!parsed.success) throw new PortError("port_invalid_response", `Port's answer for blueprint ${identifier} is not a blueprint.`);
    return parsed.data;
  } catch (error) {
    if (isPortError(error) && error.upstreamStatus === 404) return null;
    throw error;
  }
}

export async function createBlueprint(transport: PortTransport, blueprint: Blueprint, signal?: AbortSignal): Promise<Blueprint> {
  const { body } = await transport.request({ method: "POST", path: "/v1/blueprints", body: blueprint, signal, what: `Creating blueprint ${blueprint.identifier}` });
  return blueprintFromAnswer(body, blueprint);
}

/** PATCH with whole `schema` / `relations` objects (merged by the caller), so Port's PATCH semantics cannot drop anything. */
export async function patchBlueprint(
  transport: PortTransport,
  current: Blueprint,
  patch: Partial<Pick<Blueprint, "schema" | "relations">>,
  signal?: AbortSignal,
): Promise<Blueprint> {
  const { body } = await transport.request({
    method: "PATCH",
    path: `/v1/blueprints/${enc(current.identifier)}`,
    body: patch,
    signal,
    what: `Updating blueprint ${current.identifier}`,
  });
  return blueprintFromAnswer(body, { ...current, ...patch });
}

function conflictError(conflicts: BlueprintConflict[]): PortError {
  const first = conflicts[0]!;
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more conflict${conflicts.length > 2 ? "s" : ""})` : "";
  return new PortError("port_blueprint_conflict", `${first.message}${more}`, {
    hint: "Give the property another identifier (or Port's type) in the blueprint, or change or delete it in Port; nothing was written.",
  });
}

export async function ensureBlueprints(
  transport: PortTransport,
  desiredInput: readonly BlueprintInput[],
  options: EnsureBlueprintsOptions = {},
): Promise<EnsureBlueprintsReport> {
  const { signal } = options;
  const desired = new Map(desiredInput.map((b) => [b.identifier, parseBlueprint(b, `Blueprint ${b.identifier}`)]));
  const { steps } = orderBlueprints([...desired.values()]);

  const current = new Map<string, Blueprint>();
  for (const id of desired.keys()) {
    const existing = await getBlueprint(transport, id, signal);
    if (existing) current.set(id, existing);
  }
  const preexisting = new Set(current.keys());
  const conflicts = [...preexisting].flatMap((id) => mergeBlueprint(current.get(id)!, desired.get(id)!).conflicts);
  if (conflicts.length && !options.allowConflicts) throw conflictError(conflicts);

  const report: EnsureBlueprintsReport = { created: [], updated: [], unchanged: [], conflicts, steps };
  const updates = new Map<string, BlueprintUpdate>();
  const noteUpdate = (id: string, props: string[], rels: string[]) => {
    if (!preexisting.has(id) || (props.length === 0 && rels.length === 0)) return;
    const entry = updates.get(id) ?? { identifier: id, addedProperties: [], addedRelations: [] };
    entry.addedProperties.push(...props);
    entry.addedRelations.push(...rels);
    updates.set(id, entry);
  };

  for (const step of steps) {
    const want = desired.get(step.identifier)!;
    const have = current.get(step.identifier);
    if (step.kind === "create" && !have) {
      current.set(step.identifier, await createBlueprint(transport, withoutRelations(want, step.deferredRelations), signal));
      report.created.push(step.identifier);
      continue;
    }
    const skip = step.kind === "create" ? step.deferredRelations : [];
    const merge = mergeBlueprint(have!, want, skip);
    if (merge.addedProperties.length === 0 && merge.addedRelations.length === 0) continue;
    const patch = step.kind === "create" ? { schema: merge.merged.schema, relations: merge.merged.relations } : { relations: merge.merged.relations };
    current.set(step.identifier, await patchBlueprint(transport, have!, patch, signal));
    noteUpdate(step.identifier, merge.addedProperties, merge.addedRelations);
  }

  report.updated = [...updates.values()];
  report.unchanged = [...preexisting].filter((id) => !updates.has(id));
  return report;
}
