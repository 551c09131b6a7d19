/**
 * Import: a port-app-config YAML and a blueprints JSON (for example the ones of Port's
 * documentation page) read into the builder's model, every problem with its file, line and
 * column, and the Graph lints of what was read at once. Pure and browser-safe: the import
 * dialog shows the same findings as it types, the server checks again before it writes.
 * An optional integration config (the install's `integration.config`, as YAML or JSON)
 * lets the lints judge its `paginationType`; the export always writes next_link.
 */
import { isMap } from "yaml";
import { z } from "zod";
import type { ErrorLocation } from "../errors";
import { lintConfig, type LintFinding } from "../mapping/lint";
import type { PortAppConfig } from "../mapping/model";
import { noSource, parsePortAppConfig } from "../mapping/parse";
import { parseYamlBounded } from "../mapping/yaml-depth";
import { importedFileProblem } from "./import-kinds";
import type { Blueprint } from "../port/schemas";
import { validateBlueprintText } from "../schema/validate-blueprint";

/** Bounds of what one import may hold (the project's documents have the same). */
export const IMPORT_LIMITS = { configChars: 1_000_000, blueprintsChars: 5_000_000, integrationChars: 100_000, blueprints: 50 } as const;

export const importRequest = z.object({
  configYaml: z.string().max(IMPORT_LIMITS.configChars, "The mapping YAML is limited to 1,000,000 characters"),
  blueprintsJson: z.string().max(IMPORT_LIMITS.blueprintsChars, "The blueprints JSON is limited to 5,000,000 characters"),
  integrationConfig: z.string().max(IMPORT_LIMITS.integrationChars, "The integration config is limited to 100,000 characters").optional(),
});
export type ImportRequest = z.input<typeof importRequest>;

export type ImportFile = "config" | "blueprints" | "integration";

export interface ImportFinding {
  file: ImportFile;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
  hint?: string;
  location?: ErrorLocation;
}

export interface ImportAnalysis {
  /** True when nothing blocks the import. */
  ok: boolean;
  config: PortAppConfig | null;
  /** In the file's order, with Port's defaults applied. */
  blueprints: Blueprint[] | null;
  /** Each blueprint as the text the project keeps (the object as it was given, indented). */
  blueprintTexts: { identifier: string; text: string }[];
  /** Errors (the import is refused) and warnings, in file order. */
  problems: ImportFinding[];
  /** The Graph lints of the imported mapping. */
  lints: ImportFinding[];
}

function integrationSettings(text: string | undefined, problems: ImportFinding[]): Record<string, unknown> | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const unreadable = (message: string, location: ErrorLocation, hint = "Paste the install's integration.config as YAML or JSON, or leave it empty."): undefined => {
    problems.push({ file: "integration", severity: "error", code: "integration_unreadable", message, hint, location });
    return undefined;
  };
  const { doc, tooDeep } = parseYamlBounded(text, { prettyErrors: false });
  if (tooDeep) return unreadable(`The integration config is nested too deeply to read: more than ${tooDeep.limit} levels.`, { line: tooDeep.line, column: tooDeep.column });
  const error = doc.errors[0];
  if (error) return unreadable(`The integration config is not YAML or JSON: ${error.message.split("\n")[0]}`, { line: error.linePos?.[0].line, column: error.linePos?.[0].col });
  if (!isMap(doc.contents)) return unreadable("The integration config must be a map of settings (paginationType: ..., authType: ...).", { line: 1, column: 1 });
  let raw: Record<string, unknown>;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    // Alias bombs ("billion laughs"): the yaml library refuses to expand them by throwing.
    return unreadable(`The integration config could not be expanded: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, { line: 1, column: 1 }, "Write the settings out instead of using YAML anchors and aliases (&name / *name).");
  }
  // Accept the settings themselves, or values.yaml's integration.config, or {config: ...}.
  const nested = (raw.integration as { config?: unknown } | undefined)?.config ?? raw.config;
  return nested && typeof nested === "object" ? (nested as Record<string, unknown>) : raw;
}

/** `'"entra-id-user"'` -> entra-id-user; null for a computed blueprint. */
const constantBlueprint = (jq: unknown): string | null => (typeof jq === "string" ? (/^\s*"([^"\\]+)"\s*$/.exec(jq)?.[1] ?? null) : null);

function readBlueprints(text: string, problems: ImportFinding[]): { blueprints: Blueprint[] | null; texts: ImportAnalysis["blueprintTexts"] } {
  const validation = validateBlueprintText(text);
  for (const p of validation.problems) {
    problems.push({ file: "blueprints", severity: p.severity, code: p.code, message: p.message, location: { path: p.path || undefined, line: p.line, column: p.column } });
  }
  if (!validation.blueprints) return { blueprints: null, texts: [] };
  const raw = JSON.parse(text) as unknown;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > IMPORT_LIMITS.blueprints) {
    problems.push({ file: "blueprints", severity: "error", code: "too_many_blueprints", message: `The file holds ${list.length} blueprints; a project holds at most ${IMPORT_LIMITS.blueprints}.`, location: { line: 1, column: 1 } });
    return { blueprints: null, texts: [] };
  }
  const seen = new Set<string>();
  validation.blueprints.forEach((b, i) => {
    if (seen.has(b.identifier)) {
      problems.push({ file: "blueprints", severity: "error", code: "duplicate_blueprint", message: `Blueprint ${b.identifier} is given twice (the ${i + 1}th is a repeat).`, hint: "Keep one of them.", location: { path: `[${i}].identifier` } });
    }
    seen.add(b.identifier);
  });
  return { blueprints: validation.blueprints, texts: validation.blueprints.map((b, i) => ({ identifier: b.identifier, text: JSON.stringify(list[i], null, 2) })) };
}

/** A file of the wrong kind (or size) as an error of that file; true when it may be read. */
function checkKind(file: ImportFile, text: string | undefined, maxChars: number, problems: ImportFinding[]): boolean {
  const problem = text === undefined ? null : importedFileProblem(file, text, maxChars);
  if (problem) problems.push({ file, severity: "error", ...problem, location: { line: 1, column: 1 } });
  return problem === null;
}

export function analyseImport(input: ImportRequest): ImportAnalysis {
  const problems: ImportFinding[] = [];
  // The route bounds these too (importRequest); the CLI reads files of any size.
  const configReadable = checkKind("config", input.configYaml, IMPORT_LIMITS.configChars, problems);
  const blueprintsReadable = checkKind("blueprints", input.blueprintsJson, IMPORT_LIMITS.blueprintsChars, problems);
  const integrationReadable = checkKind("integration", input.integrationConfig, IMPORT_LIMITS.integrationChars, problems);
  const parsed = configReadable ? parsePortAppConfig(input.configYaml) : { config: null, issues: [], warnings: [], source: noSource };
  for (const issue of [...parsed.issues, ...parsed.warnings]) {
    problems.push({ file: "config", severity: issue.severity, code: issue.code, message: issue.message, hint: issue.hint, location: issue.location });
  }
  const { blueprints, texts } = blueprintsReadable ? readBlueprints(input.blueprintsJson, problems) : { blueprints: null, texts: [] };
  const integration = integrationReadable ? integrationSettings(input.integrationConfig, problems) : undefined;

  const config = parsed.config;
  const lints: ImportFinding[] = config
    ? lintConfig(config, { source: parsed.source, integration }).map((l: LintFinding) => ({ file: l.location?.path?.startsWith("integration.") ? "integration" : "config", ...l }))
    : [];
  if (config && blueprints) {
    const known = new Set(blueprints.map((b) => b.identifier));
    config.resources.forEach((r, i) => {
      const id = constantBlueprint(r.port.entity.mappings.blueprint);
      if (id && !known.has(id)) {
        problems.push({
          file: "config",
          severity: "warning",
          code: "blueprint_not_imported",
          message: `resources[${i}] writes blueprint ${id}, which is not among the imported blueprints`,
          hint: `Add ${id} to the blueprints JSON, or make sure it already exists in Port.`,
          location: parsed.source.locate(["resources", i, "port", "entity", "mappings", "blueprint"]),
        });
      }
    });
  }
  const ok = config !== null && blueprints !== null && !problems.some((p) => p.severity === "error");
  return { ok, config: ok ? config : null, blueprints: ok ? blueprints : null, blueprintTexts: ok ? texts : [], problems, lints };
}

/** One line for a refusal: the first error with where it is. */
export function firstProblemLine(analysis: ImportAnalysis): string | null {
  const p = analysis.problems.find((x) => x.severity === "error");
  if (!p) return null;
  const file = { config: "mapping YAML", blueprints: "blueprints JSON", integration: "integration config" }[p.file];
  const where = p.location?.line ? ` (line ${p.location.line}, column ${p.location.column ?? 1})` : p.location?.path ? ` (${p.location.path})` : "";
  return `${file}${where}: ${p.message}`;
}
