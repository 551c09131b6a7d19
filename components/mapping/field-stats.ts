/**
 * Per-field figures of a previewed resource, for the badges beside each mapping field:
 * "null for 37 of 999 entities", "error: ... (line, column)", "type does not match the
 * blueprint (boolean expected)", "Graph does not return this field unless selected".
 */
import type { ErrorLocation } from "@/lib/errors";
import { defaultSetFor, readTopLevelProperties, type CompiledResource, type Diagnostic, type LintBlueprint, type PathSegment } from "@/lib/mapping";
import { propertyValueProblem } from "@/lib/port/property-values";
import type { PreviewEntity } from "./preview-run";

export type PageDiagnostic = Diagnostic & { page: number };

export interface FieldStat {
  /** `identifier`, `properties.mail`, `relations.group`... */
  name: string;
  source: string | null;
  location?: ErrorLocation;
  /** Entities the figures are over. */
  total: number;
  nulls: number;
  /** jq errors (the value became null), with the first one. */
  errors: { count: number; message: string; page: number; index: number } | null;
  /** No output (the value became null). */
  noOutput: number;
  /** Values Port would refuse for the blueprint's property. */
  typeMismatch: { count: number; expected: string; problem: string; example: unknown } | null;
  /** The blueprint has no such property or relation: Port refuses the entity. */
  notInBlueprint: string | null;
  /** Top-level properties the field reads that Graph will not return as the resource asks. */
  notReturned: { property: string; reason: "not_selected" | "not_default" }[];
}

/** The entity key path of a mapping field: after `...mappings`. */
function entityPath(configPath: readonly PathSegment[]): PathSegment[] {
  const at = configPath.indexOf("mappings");
  return configPath.slice(at + 1) as PathSegment[];
}

function valueAt(entity: unknown, path: readonly PathSegment[]): unknown {
  let cur = entity;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return null;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur ?? null;
}

function selectedList(resource: CompiledResource["resource"]): string[] | null {
  const params = resource.selector.query_params ?? {};
  const key = Object.keys(params).find((k) => k.toLowerCase() === "$select");
  return key === undefined ? null : String(params[key]).split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** What the field reads that Graph leaves out for this resource's request. */
export function notReturnedBy(resource: CompiledResource["resource"], source: string | null): FieldStat["notReturned"] {
  if (source === null) return [];
  const itemName = resource.port.itemsToParse ? resource.port.itemsToParseName : null;
  const selected = selectedList(resource);
  const defaults = defaultSetFor(resource.kind);
  const out: FieldStat["notReturned"] = [];
  for (const name of readTopLevelProperties(source)) {
    if (name.startsWith("__") || name.startsWith("@odata.") || name === itemName) continue;
    if (selected) {
      if (!selected.includes(name.toLowerCase())) out.push({ property: name, reason: "not_selected" });
      continue;
    }
    const missing = defaults?.kind === "exact" ? !defaults.properties.includes(name) : defaults?.kind === "all-but" ? defaults.missing.includes(name) : false;
    if (missing) out.push({ property: name, reason: "not_default" });
  }
  return out;
}

function expectedOf(spec: { type: string; format?: string }): string {
  return spec.format ? `${spec.type} (${spec.format})` : spec.type;
}

export function fieldStats(compiled: CompiledResource, entities: readonly PreviewEntity[], diagnostics: readonly PageDiagnostic[], blueprints: readonly LintBlueprint[]): FieldStat[] {
  const byId = new Map(blueprints.map((b) => [b.identifier, b]));
  const errorsOf = new Map<string, PageDiagnostic[]>();
  for (const d of diagnostics) if (d.code === "jq_error" || d.code === "jq_no_output") errorsOf.set(d.field, [...(errorsOf.get(d.field) ?? []), d]);
  return compiled.fields.map((field) => {
    const path = entityPath(field.configPath);
    const section = path[0];
    const key = typeof path[1] === "string" ? path[1] : null;
    let nulls = 0;
    let mismatch: FieldStat["typeMismatch"] = null;
    let notInBlueprint: string | null = null;
    for (const { entity } of entities) {
      const value = valueAt(entity, path);
      if (value === null) nulls++;
      const bp = typeof entity.blueprint === "string" ? byId.get(entity.blueprint) : undefined;
      if (!bp || key === null) continue;
      if (section === "properties") {
        const spec = bp.schema.properties[key];
        if (!spec) {
          notInBlueprint ??= `blueprint ${bp.identifier} has no property ${key}: Port refuses the entity`;
          continue;
        }
        const problem = path.length === 2 ? propertyValueProblem(spec, value) : null;
        if (problem) {
          mismatch ??= { count: 0, expected: expectedOf(spec), problem, example: value };
          mismatch.count++;
        }
      } else if (section === "relations" && !bp.relations[key]) {
        notInBlueprint ??= `blueprint ${bp.identifier} has no relation ${key}: Port refuses the entity`;
      }
    }
    const problems = errorsOf.get(field.name) ?? [];
    const errors = problems.filter((d) => d.code === "jq_error");
    const first = errors[0];
    return {
      name: field.name,
      source: field.source,
      location: field.location,
      total: entities.length,
      nulls,
      errors: first ? { count: errors.length, message: first.message, page: first.page, index: first.index! } : null,
      noOutput: problems.length - errors.length,
      typeMismatch: mismatch,
      notInBlueprint,
      notReturned: notReturnedBy(compiled.resource, field.source),
    };
  });
}
