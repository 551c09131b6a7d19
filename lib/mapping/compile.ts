/**
 * Compile a resource once: flatten its mapping (identifier, title, blueprint, icon,
 * team, every property and relation, every search-query leaf) into a list of jq
 * fields plus a template that rebuilds the entity from their values, and compile
 * them, with the selector, into one batch (lib/jq). Syntax errors come back with the
 * YAML position of the error inside the field's expression.
 */
import type { ErrorLocation } from "@/lib/errors";
import { compileBatch, compileExpression, type CompiledBatch, type CompiledExpression, type JqEngine, type JqSyntaxError } from "@/lib/jq";
import type { MappingValue, ResourceConfig } from "./model";
import { formatPath, noSource, type ConfigIssue, type PathSegment, type SourceMap } from "./source";
import { pythonStr } from "./validate";

/** Rebuilds a mapping value from field outcomes: a leaf index, or structure. */
export type Template =
  | { leaf: number }
  | { constant: null }
  | { list: Template[] }
  | { object: [string, Template][] };

export interface MappingField {
  /** e.g. `identifier`, `properties.mail`, `relations.group.rules[0].value`. */
  name: string;
  /** The jq text as written; null for a non-string leaf (always null, see validate.ts). */
  source: string | null;
  /** Path of the value in the configuration. */
  configPath: PathSegment[];
  location: ErrorLocation;
}

export interface CompiledResource {
  /** Position of the resource in `resources`. */
  index: number;
  resource: ResourceConfig;
  fields: MappingField[];
  /** identifier, title, blueprint, icon, team, properties, relations. */
  template: { key: string; template: Template }[];
  batch: CompiledBatch;
  dataPath: CompiledExpression;
  itemsToParse: CompiledExpression | null;
  /** Syntax errors, each with the YAML position of the error. */
  issues: ConfigIssue[];
  /** True when the selector cannot run: every item of every page fails. */
  selectorBroken: boolean;
}

const TOP_KEYS = ["identifier", "title", "blueprint", "icon", "team", "properties", "relations"] as const;

function flatten(value: MappingValue, configPath: PathSegment[], name: string, fields: MappingField[], source: SourceMap): Template {
  if (Array.isArray(value)) {
    return { list: value.map((v, i) => flatten(v, [...configPath, i], `${name}[${i}]`, fields, source)) };
  }
  if (value !== null && typeof value === "object") {
    return { object: Object.entries(value).map(([k, v]) => [k, flatten(v, [...configPath, k], name ? `${name}.${k}` : k, fields, source)]) };
  }
  fields.push({ name, source: typeof value === "string" ? value : null, configPath, location: source.locate(configPath) });
  return { leaf: fields.length - 1 };
}

function syntaxIssue(error: JqSyntaxError, path: PathSegment[], source: SourceMap, what: string): ConfigIssue {
  const location =
    error.line !== undefined ? source.locateInScalar(path, error.line, error.column ?? 1) : source.locate(path);
  return {
    severity: "error",
    code: "jq_syntax",
    message: `${what}: ${error.message}`,
    hint: "Fix the jq expression; in YAML, quote it ('...') when it starts with a quote, a brace or a bracket.",
    location,
  };
}

export interface CompileOptions {
  /** Position of the resource in `resources` (for locations); default 0. */
  index?: number;
  source?: SourceMap;
  /** Default true; false evaluates every field with jq (benchmarks). */
  fastPath?: boolean;
}

export async function compileResource(engine: JqEngine, resource: ResourceConfig, options: CompileOptions = {}): Promise<CompiledResource> {
  const index = options.index ?? 0;
  const source = options.source ?? noSource;
  const base: PathSegment[] = ["resources", index];
  const mappings = resource.port.entity.mappings as Record<string, MappingValue | undefined>;
  const fields: MappingField[] = [];
  const template: CompiledResource["template"] = [];
  for (const key of TOP_KEYS) {
    const value = mappings[key];
    if (value === undefined) continue;
    template.push({ key, template: flatten(value, [...base, "port", "entity", "mappings", key], key, fields, source) });
  }
  // A non-string leaf compiles to `null` (its error was reported by validate.ts).
  const exprs = fields.map((f) => f.source ?? "null");
  const selectorText = typeof resource.selector.query === "string" ? resource.selector.query : pythonStr(resource.selector.query);
  const [batch, dataPath, itemsToParse] = await Promise.all([
    compileBatch(engine, { fields: exprs, selector: selectorText }, { fastPath: options.fastPath }),
    compileExpression(engine, resource.selector.data_path ?? "."),
    resource.port.itemsToParse === undefined ? Promise.resolve(null) : compileExpression(engine, resource.port.itemsToParse),
  ]);

  const issues: ConfigIssue[] = [];
  batch.fields.forEach((f, i) => {
    const field = fields[i]!;
    if (f.syntaxError && field.source !== null) issues.push(syntaxIssue(f.syntaxError, field.configPath, source, formatPath(field.configPath)));
  });
  const selectorPath = [...base, "selector", "query"];
  if (batch.selector?.syntaxError) issues.push(syntaxIssue(batch.selector.syntaxError, selectorPath, source, formatPath(selectorPath)));
  if (dataPath.syntaxError) {
    const p = [...base, "selector", "data_path"];
    issues.push(syntaxIssue(dataPath.syntaxError, p, source, formatPath(p)));
  }
  if (itemsToParse?.syntaxError) {
    const p = [...base, "port", "itemsToParse"];
    issues.push(syntaxIssue(itemsToParse.syntaxError, p, source, formatPath(p)));
  }
  return {
    index,
    resource,
    fields,
    template,
    batch,
    dataPath,
    itemsToParse,
    issues,
    selectorBroken: Boolean(batch.selector?.syntaxError),
  };
}
