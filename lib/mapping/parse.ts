/**
 * port-app-config YAML -> model, with a position for every problem:
 * "resources[1].port.entity.mappings.title, line 23, column 18: ...".
 * Unknown keys are kept out of the model but reported as warnings (a misspelt key is
 * silently ignored by Ocean, which is exactly what a person needs to be told).
 */
import { isMap, isScalar, LineCounter, type Document, type Node as YamlNode } from "yaml";
import { formatPath, noSource, type ConfigIssue, type PathSegment, type SourceMap } from "./source";
import { knownKeys, portAppConfigSchema, type PortAppConfig } from "./model";
import { validateConfig } from "./validate";
import { parseYamlBounded } from "./yaml-depth";

export { formatPath, noSource, type ConfigIssue, type PathSegment, type SourceMap } from "./source";

export interface ParsedConfig {
  /** null when the YAML or its structure is unusable (see issues). */
  config: PortAppConfig | null;
  /** Errors: the configuration will not work as written. */
  issues: ConfigIssue[];
  /** Unknown keys and other things worth a look. */
  warnings: ConfigIssue[];
  source: SourceMap;
}

function yamlSource(doc: Document, lines: LineCounter, text: string): SourceMap {
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const nodeAt = (path: readonly PathSegment[]): { node: YamlNode | null; depth: number } => {
    // Walk down as far as the document goes, so a missing key points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === "object" && "range" in node) return { node: node as YamlNode, depth };
    }
    return { node: null, depth: 0 };
  };
  return {
    locate(path) {
      const { node } = nodeAt(path);
      const range = node?.range;
      return range ? { path: formatPath(path), ...at(range[0]) } : { path: formatPath(path) };
    },
    locateKey(path, key) {
      const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        if (range) return { path: formatPath([...path, key]), ...at(range[0]) };
      }
      return this.locate(path);
    },
    locateInScalar(path, line, column) {
      const node = doc.getIn(path, true);
      if (!isScalar(node) || !node.range) return this.locate(path);
      const start = at(node.range[0]);
      const loc = { path: formatPath(path) };
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
        // Content starts on the line after the indicator, at the block's indentation.
        const firstContent = start.line + 1;
        const lineText = text.slice(lines.lineStarts[firstContent - 1] ?? 0).split("\n", 1)[0] ?? "";
        const indent = lineText.length - lineText.trimStart().length;
        return { ...loc, line: firstContent + line - 1, column: indent + column };
      }
      const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
      if (line === 1) return { ...loc, line: start.line, column: start.column + quote + column - 1 };
      return { ...loc, line: start.line + line - 1, column };
    },
  };
}

function walkUnknownKeys(raw: unknown, source: SourceMap, warnings: ConfigIssue[]): void {
  const check = (value: unknown, path: PathSegment[], known: readonly string[], what: string) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const suggestion = known.find((k) => k.toLowerCase().replace(/[_-]/g, "") === key.toLowerCase().replace(/[_-]/g, ""));
      warnings.push({
        severity: "warning",
        code: "unknown_key",
        message: `unknown key "${key}" in ${what}: Ocean ignores it`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${known.join(", ")}.`,
        location: source.locateKey(path, key),
      });
    }
  };
  const get = (v: unknown, k: string): unknown => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined);
  check(raw, [], knownKeys.root, "the configuration");
  const resources = get(raw, "resources");
  if (!Array.isArray(resources)) return;
  resources.forEach((r, i) => {
    const base: PathSegment[] = ["resources", i];
    check(r, base, knownKeys.resource, "a resource");
    const selector = get(r, "selector");
    check(selector, [...base, "selector"], knownKeys.selector, "selector");
    const params = get(selector, "path_parameters");
    if (params && typeof params === "object") {
      for (const name of Object.keys(params)) {
        check(get(params, name), [...base, "selector", "path_parameters", name], knownKeys.pathParameter, `path_parameters.${name}`);
      }
    }
    const port = get(r, "port");
    check(port, [...base, "port"], knownKeys.port, "port");
    const entity = get(port, "entity");
    check(entity, [...base, "port", "entity"], knownKeys.entity, "port.entity");
    check(get(entity, "mappings"), [...base, "port", "entity", "mappings"], knownKeys.mappings, "port.entity.mappings");
  });
}

/**
 * Longest configuration read, in characters. Ocean reads it from the integration's config
 * in Port, which takes at most 1 MiB per request; a real one is a few kB. Reading 10 MB
 * of YAML would hold the server for seconds and take hundreds of MB.
 */
export const MAX_CONFIG_CHARS = 1_000_000;

function refused(issue: ConfigIssue): ParsedConfig {
  return { config: null, issues: [issue], warnings: [], source: noSource };
}

/** A stack overflow inside the YAML parser means nesting deeper than any configuration has. */
function isTooDeep(message: string): boolean {
  return /Maximum call stack size exceeded/i.test(message);
}

const TOO_DEEP_HINT = "A port-app-config is nested a few levels deep; this looks generated or hostile. Flatten it.";

export function parsePortAppConfig(text: string): ParsedConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    return refused({
      severity: "error",
      code: "config_too_large",
      message: `The configuration is ${text.length.toLocaleString("en-US")} characters; at most ${MAX_CONFIG_CHARS.toLocaleString("en-US")} are read.`,
      hint: "A port-app-config is usually a few kB: Port itself stores at most 1 MiB. Remove what is not a mapping.",
      location: { line: 1, column: 1 },
    });
  }
  try {
    return parseWithinLimits(text);
  } catch (error) {
    // Nesting is bounded before composing (yaml-depth.ts); this is the last guard, for a
    // recursion that still runs out of stack (an alias expanded into itself, say).
    if (error instanceof RangeError && isTooDeep(error.message)) {
      return refused({ severity: "error", code: "yaml_too_deep", message: "The YAML is nested too deeply to read.", hint: TOO_DEEP_HINT, location: { line: 1, column: 1 } });
    }
    throw error;
  }
}

function parseWithinLimits(text: string): ParsedConfig {
  const lines = new LineCounter();
  const { doc, tooDeep } = parseYamlBounded(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (tooDeep) {
    return refused({
      severity: "error",
      code: "yaml_too_deep",
      message: `The YAML is nested too deeply to read: more than ${tooDeep.limit} levels.`,
      hint: TOO_DEEP_HINT,
      location: { line: tooDeep.line, column: tooDeep.column },
    });
  }
  const source = yamlSource(doc, lines, text);
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const posOf = (e: { pos: [number, number] }) => {
    const p = lines.linePos(e.pos[0]);
    return { line: p.line, col: p.col };
  };
  for (const e of doc.errors) {
    const pos = posOf(e);
    const deep = isTooDeep(e.message);
    issues.push({
      severity: "error",
      code: deep ? "yaml_too_deep" : "yaml_syntax",
      message: deep ? "The YAML is nested too deeply to read." : (e.message.split("\n")[0] ?? e.message),
      hint: deep ? TOO_DEEP_HINT : "Fix the YAML syntax (indentation, quotes, a colon after each key).",
      location: { line: pos.line, column: pos.col },
    });
  }
  for (const w of doc.warnings) {
    const pos = posOf(w);
    if (w.code === "TAG_RESOLVE_FAILED") {
      // `!!js/function`, `!!python/object`...: Ocean reads the file with a safe loader,
      // which refuses every tag it does not know; so does this builder (never executed).
      const tag = (/Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? "unknown").replace(/^tag:yaml.org,2002:/, "!!");
      issues.push({
        severity: "error",
        code: "yaml_tag",
        message: `The YAML tag ${tag} is not allowed in a port-app-config.`,
        hint: "Remove the tag (the !! or ! prefix): a configuration holds plain strings, numbers, booleans, lists and maps.",
        location: { line: pos.line, column: pos.col },
      });
      continue;
    }
    warnings.push({ severity: "warning", code: "yaml_warning", message: w.message.split("\n")[0] ?? w.message, location: { line: pos.line, column: pos.col } });
  }
  if (issues.length > 0) return { config: null, issues, warnings, source };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The yaml library stops alias expansion bombs ("billion laughs") by throwing.
    issues.push({
      severity: "error",
      code: "yaml_aliases",
      message: `The YAML could not be expanded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      hint: "Write the values out instead of using many YAML anchors and aliases (&name / *name).",
      location: { line: 1, column: 1 },
    });
    return { config: null, issues, warnings, source };
  }
  walkUnknownKeys(raw, source, warnings);
  const parsed = portAppConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const path = zi.path.filter((p): p is PathSegment => typeof p !== "symbol");
      issues.push({
        severity: "error",
        code: "config_invalid",
        message: `${formatPath(path) || "the configuration"}: ${zi.message}`,
        hint: hintFor(path),
        location: source.locate(path),
      });
    }
    return { config: null, issues, warnings, source };
  }
  for (const issue of validateConfig(parsed.data, source)) (issue.severity === "error" ? issues : warnings).push(issue);
  return { config: parsed.data, issues, warnings, source };
}

function hintFor(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === "kind") return "Each resource needs `kind`: the Graph endpoint path, e.g. /users.";
  if (last === "query") return "Each resource needs `selector.query`, a jq expression returning a boolean, e.g. 'true'.";
  if (last === "identifier" || last === "blueprint") return `port.entity.mappings.${last} is required: a jq expression.`;
  return "Compare with the port-app-config format in the documentation.";
}
