/**
 * Lints specific to Microsoft Graph and Port, each saying what to do:
 * fields read but not returned, `$expand` member cap, signInActivity, skip_token,
 * advanced-query headers, `$top` range, and (with samples) duplicate identifiers,
 * values that do not fit the blueprint, required properties that are null.
 *
 * `lintConfig` is static and synchronous; `lint` also evaluates sample responses.
 */
import type { ErrorLocation } from "@/lib/errors";
import type { JqEngine } from "@/lib/jq";
import { propertyValueProblem } from "../port/property-values";
import { lintBlueprintSchema, type LintBlueprint } from "./blueprint";
import { compileResource } from "./compile";
import { createRunState, evaluatePage } from "./evaluate";
import { CAPPED_RELATIONSHIPS, defaultSetFor } from "./graph-defaults";
import type { PortAppConfig, ResourceConfig } from "./model";
import { itemExpressions, readTopLevelProperties } from "./select-assistant";
import { noSource, type PathSegment, type SourceMap } from "./source";

export interface LintFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  hint: string;
  location?: ErrorLocation;
}

export const PAGINATION_TYPES = ["offset", "page", "cursor", "next_link", "header_link", "none"] as const;

export interface LintOptions {
  source?: SourceMap;
  /** The integration config (`paginationType`, ...), when known. */
  integration?: { paginationType?: string } & Record<string, unknown>;
  /** Port blueprints (Port's JSON) for the type lints. */
  blueprints?: unknown[];
  /** Raw Graph response bodies per kind, e.g. `{"/users": [body1, body2]}`. */
  samples?: Record<string, unknown[]>;
  /** Needed to evaluate samples. */
  engine?: JqEngine;
}

function param(resource: ResourceConfig, name: string): { key: string; value: string } | null {
  const params = resource.selector.query_params ?? {};
  const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : { key, value: String(params[key]) };
}

function hasEventualHeader(resource: ResourceConfig): boolean {
  return Object.entries(resource.selector.headers ?? {}).some(([k, v]) => k.toLowerCase() === "consistencylevel" && v.toLowerCase() === "eventual");
}

function selectList(resource: ResourceConfig): string[] | null {
  const p = param(resource, "$select");
  return p ? p.value.split(",").map((s) => s.trim()).filter(Boolean) : null;
}

/** Properties a resource's expressions read on the item (not injected keys). */
function propertiesRead(resource: ResourceConfig): string[] {
  const names = new Set<string>();
  const itemName = resource.port.itemsToParse ? resource.port.itemsToParseName : null;
  for (const e of itemExpressions(resource)) {
    for (const n of readTopLevelProperties(e)) if (!n.startsWith("__") && !n.startsWith("@odata.") && n !== itemName) names.add(n);
  }
  return [...names];
}

function lintResource(resource: ResourceConfig, index: number, source: SourceMap): LintFinding[] {
  const out: LintFinding[] = [];
  const base: PathSegment[] = ["resources", index];
  const qp = (key: string) => source.locate([...base, "selector", "query_params", key]);

  // Fields read but not returned.
  const selected = selectList(resource);
  const defaults = defaultSetFor(resource.kind);
  const read = propertiesRead(resource);
  for (const name of read) {
    if (selected) {
      if (selected.some((s) => s.toLowerCase() === name.toLowerCase())) continue;
      out.push({
        code: "field_not_selected",
        severity: "warning",
        message: `the mapping reads .${name}, but $select does not list it: Graph will not return it and the value will be null`,
        hint: `Add ${name} to $select (the $select assistant lists every property the mapping reads).`,
        location: qp(param(resource, "$select")!.key),
      });
      continue;
    }
    const missing =
      defaults?.kind === "exact" ? !defaults.properties.includes(name) : defaults?.kind === "all-but" ? defaults.missing.includes(name) : false;
    if (missing) {
      out.push({
        code: "field_not_returned_by_default",
        severity: "warning",
        message: `the mapping reads .${name}, which Graph does not return for ${resource.kind} without $select: against a real tenant it is always null`,
        hint: `Add query_params.$select listing ${name} and every other property the mapping reads (the $select assistant writes it).`,
        location: source.locate([...base, "selector"]),
      });
    }
  }
  if (selected && !selected.some((s) => s.toLowerCase() === "id")) {
    out.push({
      code: "select_without_id",
      severity: "warning",
      message: "$select does not include id",
      hint: "Always select id: identifiers and relations are built from it.",
      location: qp(param(resource, "$select")!.key),
    });
  }

  // $expand on a directory relationship: at most 20 objects, no nextLink.
  const expand = param(resource, "$expand");
  if (expand) {
    const rel = CAPPED_RELATIONSHIPS.find((r) => new RegExp(`(^|,)\\s*${r}\\b`, "i").test(expand.value));
    if (rel) {
      out.push({
        code: "expand_member_cap",
        severity: "warning",
        message: `$expand=${expand.value}: Graph returns at most 20 ${rel} per object, with no next page; larger groups are silently cut`,
        hint: "Use membership entities instead: a resource kind /groups/{group_id}/members with path_parameters.group_id {endpoint: /groups, data_path: .value, field: .id}, blueprint entra-id-group-membership, identifier \"\\(.__group_id)-\\(.id)\" and relations group: .__group_id, member: .id.",
        location: qp(expand.key),
      });
    }
    if (hasEventualHeader(resource)) {
      out.push({
        code: "expand_with_advanced_query",
        severity: "warning",
        message: "$expand cannot be combined with advanced queries (ConsistencyLevel: eventual)",
        hint: "Drop $expand, or the advanced-query parameters and the header.",
        location: qp(expand.key),
      });
    }
  }

  // signInActivity: licence, permission, 120 per page.
  const filter = param(resource, "$filter");
  const signIn =
    read.includes("signInActivity") ||
    (selected ?? []).some((s) => s.toLowerCase() === "signinactivity") ||
    /signInActivity/i.test(filter?.value ?? "");
  if (signIn) {
    out.push({
      code: "sign_in_activity",
      severity: "warning",
      message: "signInActivity needs an Entra ID P1/P2 licence and the AuditLog.Read.All permission, and caps pages at 120 items",
      hint: "Grant AuditLog.Read.All (with admin consent) on a P1/P2 tenant, or drop signInActivity; without them every request fails with 403. Expect about 8 times more requests than with $top=999.",
      location: selected ? qp(param(resource, "$select")!.key) : source.locate([...base, "selector"]),
    });
  }

  // Advanced queries need ConsistencyLevel: eventual.
  const advanced: string[] = [];
  const count = param(resource, "$count");
  if (count && count.value.toLowerCase() === "true") advanced.push("$count");
  if (param(resource, "$search")) advanced.push("$search");
  if (filter && /\b(ne|not|endswith)\b/i.test(filter.value)) advanced.push("$filter with ne/not/endsWith");
  if (filter && param(resource, "$orderby")) advanced.push("$orderby with $filter");
  if (advanced.length > 0 && !hasEventualHeader(resource)) {
    out.push({
      code: "advanced_query_header",
      severity: "error",
      message: `${advanced.join(", ")} needs the header ConsistencyLevel: eventual; without it Graph answers 400 (or ignores $count)`,
      hint: "Add selector.headers: {ConsistencyLevel: eventual}. Ocean sends it on every page.",
      location: source.locate([...base, "selector"]),
    });
  }

  // $top range.
  const top = param(resource, "$top");
  if (top) {
    const n = Number(top.value);
    if (!Number.isInteger(n) || n < 1 || n > 999) {
      out.push({
        code: "top_out_of_range",
        severity: "error",
        message: `$top=${top.value}: Graph accepts 1..999 and answers 400 otherwise`,
        hint: 'Use $top: "999" (the fewest requests).',
        location: qp(top.key),
      });
    }
  } else if (defaults) {
    out.push({
      code: "top_missing",
      severity: "info",
      message: "no $top: Graph pages 100 items at a time",
      hint: 'Add query_params.$top: "999" for ten times fewer requests.',
      location: source.locate([...base, "selector"]),
    });
  }
  return out;
}

/** Static lints of a configuration. */
export function lintConfig(config: PortAppConfig, options: Pick<LintOptions, "source" | "integration"> = {}): LintFinding[] {
  const source = options.source ?? noSource;
  const out: LintFinding[] = [];
  const pagination = options.integration?.paginationType;
  if (pagination !== undefined && !(PAGINATION_TYPES as readonly string[]).includes(pagination)) {
    out.push({
      code: pagination === "skip_token" ? "pagination_skip_token" : "pagination_unknown",
      severity: "error",
      message: `paginationType "${pagination}" is not a value Ocean knows: it silently reads the first page only`,
      hint: "Use paginationType: next_link (Graph's @odata.nextLink is followed until the last page).",
      location: { path: "integration.config.paginationType" },
    });
  }
  config.resources.forEach((r, i) => out.push(...lintResource(r, i, source)));
  return out;
}

/** Static lints plus, when samples and an engine are given, lints of the mapped samples. */
export async function lint(config: PortAppConfig, options: LintOptions = {}): Promise<LintFinding[]> {
  const source = options.source ?? noSource;
  const out = lintConfig(config, options);
  const blueprints = new Map<string, LintBlueprint>();
  for (const raw of options.blueprints ?? []) {
    const parsed = lintBlueprintSchema.safeParse(raw);
    if (parsed.success) blueprints.set(parsed.data.identifier, parsed.data);
  }
  if (!options.samples || !options.engine) return out;
  const state = createRunState();
  for (const [index, resource] of config.resources.entries()) {
    const bodies = options.samples[resource.kind];
    if (!bodies || bodies.length === 0) continue;
    const compiled = await compileResource(options.engine, resource, { index, source });
    const reported = new Set<string>();
    const once = (key: string, finding: LintFinding) => {
      if (reported.has(key)) return;
      reported.add(key);
      out.push(finding);
    };
    for (const body of bodies) {
      const page = await evaluatePage(compiled, body, { engine: options.engine, state });
      for (const d of page.diagnostics) {
        if (d.code !== "duplicate_entity") continue;
        once(`dup:${d.message}`, {
          code: "duplicate_identifier",
          severity: "warning",
          message: `in the samples, item ${d.index}: ${d.message}`,
          hint: d.hint ?? "Make identifiers unique per blueprint.",
          location: d.location,
        });
      }
      page.entities.forEach((entity) => {
        const bp = typeof entity.blueprint === "string" ? blueprints.get(entity.blueprint) : undefined;
        if (!bp) return;
        const props = bp.schema.properties;
        for (const [name, value] of Object.entries(entity.properties)) {
          const spec = props[name];
          const loc = source.locate(["resources", index, "port", "entity", "mappings", "properties", name]);
          if (!spec) {
            once(`unknown:${name}`, {
              code: "property_not_in_blueprint",
              severity: "warning",
              message: `property ${name} is not in blueprint ${bp.identifier}: Port rejects the entity`,
              hint: `Add ${name} to the blueprint's schema.properties, or remove it from the mapping.`,
              location: loc,
            });
            continue;
          }
          const problem = propertyValueProblem(spec, value);
          if (problem) {
            once(`type:${name}`, {
              code: "property_type_mismatch",
              severity: "warning",
              message: `property ${name} of blueprint ${bp.identifier} is ${spec.type}${spec.format ? ` (${spec.format})` : ""}: the value ${JSON.stringify(value)?.slice(0, 80)} ${problem}`,
              hint: "Convert the value in the jq expression (tostring, tonumber, test(...)) or change the blueprint property's type.",
              location: loc,
            });
          }
        }
        for (const name of bp.schema.required) {
          const value = entity.properties[name];
          if (value === null || value === undefined) {
            once(`required:${name}`, {
              code: "required_property_null",
              severity: "warning",
              message: `blueprint ${bp.identifier} requires ${name}, but the mapping gives null for entity ${JSON.stringify(entity.identifier)}: Port rejects it`,
              hint: `Map ${name} to a value that is never null (e.g. with // "unknown"), or make it optional in the blueprint.`,
              location: source.locate(["resources", index, "port", "entity", "mappings", "properties", name]),
            });
          }
        }
      });
    }
  }
  return out;
}
