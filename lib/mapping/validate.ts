/**
 * Checks beyond the schema: things that parse but will not work in Ocean.
 * (Graph-specific advice lives in lint.ts; this is about the configuration itself.)
 */
import { requestPathProblem } from "../graph/request-path";
import type { MappingValue, PortAppConfig } from "./model";
import { noSource, type ConfigIssue, type PathSegment, type SourceMap } from "./source";

/** `{group_id}` placeholders in a kind, in order. */
export function kindParameters(kind: string): string[] {
  return [...kind.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

/** The jq leaves of a mapping value that are not strings (Ocean evaluates them to null). */
function nonStringLeaves(value: MappingValue, path: PathSegment[], out: PathSegment[][]): void {
  if (typeof value === "string") return;
  if (Array.isArray(value)) value.forEach((v, i) => nonStringLeaves(v, [...path, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) nonStringLeaves(v, [...path, k], out);
  else out.push(path);
}

export function validateConfig(config: PortAppConfig, source: SourceMap = noSource): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  config.resources.forEach((r, i) => {
    const base: PathSegment[] = ["resources", i];
    const kindLoc = source.locate([...base, "kind"]);
    // The same rule the Graph client applies at run time, so a config that validates here
    // cannot fail later for its kind ({param} placeholders stand for one path segment).
    const kindProblem = requestPathProblem(r.kind.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, "x"));
    if (kindProblem) {
      issues.push({
        severity: "error",
        code: "kind_not_path",
        message: `kind "${r.kind}" is not a path under the Graph base URL: ${kindProblem}`,
        hint: "Write the path only, e.g. /users; the base URL (https://graph.microsoft.com/v1.0) is set once in the integration config.",
        location: kindLoc,
      });
    } else if (!r.kind.startsWith("/")) {
      issues.push({
        severity: "warning",
        code: "kind_without_slash",
        message: `kind "${r.kind}" does not start with "/"`,
        hint: `Write it as /${r.kind} so it reads as the Graph path it is.`,
        location: kindLoc,
      });
    }
    const params = kindParameters(r.kind);
    const defined = Object.keys(r.selector.path_parameters ?? {});
    if (params.length > 1) {
      issues.push({
        severity: "error",
        code: "kind_many_parameters",
        message: `kind has ${params.length} parameters; Ocean resolves only the first ({${params[0]}})`,
        hint: "Use one nested level per resource, e.g. /groups/{group_id}/members.",
        location: kindLoc,
      });
    }
    if (params[0] !== undefined && !defined.includes(params[0])) {
      issues.push({
        severity: "error",
        code: "path_parameter_missing",
        message: `kind uses {${params[0]}} but selector.path_parameters.${params[0]} is not defined`,
        hint: `Add selector.path_parameters.${params[0]} with endpoint, data_path and field (e.g. endpoint: /groups, data_path: .value, field: .id).`,
        location: kindLoc,
      });
    }
    for (const name of defined) {
      if (params.includes(name)) continue;
      issues.push({
        severity: "warning",
        code: "path_parameter_unused",
        message: `selector.path_parameters.${name} is not used in kind "${r.kind}"`,
        hint: `Put {${name}} in the kind, or remove the parameter.`,
        location: source.locateKey([...base, "selector", "path_parameters"], name),
      });
    }
    if (typeof r.selector.query !== "string") {
      issues.push({
        severity: "error",
        code: "selector_not_string",
        message: `selector.query is the YAML ${typeof r.selector.query} ${String(r.selector.query)}, not a jq string: Ocean turns it into the text "${pythonStr(r.selector.query)}", which jq rejects`,
        hint: `Quote it: query: '${String(r.selector.query)}'.`,
        location: source.locate([...base, "selector", "query"]),
      });
    }
    const leaves: PathSegment[][] = [];
    const mappings = r.port.entity.mappings;
    for (const [key, value] of Object.entries(mappings)) {
      if (value !== undefined) nonStringLeaves(value as MappingValue, [...base, "port", "entity", "mappings", key], leaves);
    }
    for (const path of leaves) {
      issues.push({
        severity: "error",
        code: "mapping_not_string",
        message: "a mapping value must be a jq expression (a string); Ocean maps this one to null",
        hint: "Quote it, e.g. '\"text\"' for a constant string or '5' for a number.",
        location: source.locate(path),
      });
    }
  });
  return issues;
}

/** How pydantic v1 turns a YAML scalar into a `str` field (what Ocean then compiles). */
export function pythonStr(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}
