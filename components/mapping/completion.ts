/**
 * What the editor offers at the cursor, beside monaco-yaml's schema completion:
 * - in a jq value (mappings, selector.query, itemsToParse): field paths of that
 *   resource's preview sample (typing `.sign` offers `.signInActivity.lastSignInDateTime`),
 *   then Graph's other known properties of the kind, marked as needing `$select`;
 * - on a new key under `properties:` / `relations:`: the blueprint's property and relation
 *   names not mapped yet, with the sample's field of the same name as the value.
 * Pure: the editor turns suggestions into Monaco completion items.
 */
import { kindParameters, type PortAppConfig } from "@/lib/mapping";
import { createFieldInference, itemsOfBody, type InferredField } from "@/lib/schema";
import type { LintBlueprint } from "@/lib/mapping";
import type { PreviewSample } from "@/lib/builder/mapping-contracts";
import { knownPropertiesFor } from "../explore/known-properties";
import { cursorContext } from "./yaml-context";

export interface Suggestion {
  label: string;
  insertText: string;
  /** Characters before the cursor the suggestion replaces. */
  replace: number;
  detail: string;
  documentation?: string;
  kind: "field" | "property" | "relation";
  sortText: string;
}

export interface CompletionData {
  config: PortAppConfig | null;
  samples: ReadonlyMap<number, { status: string; sample?: PreviewSample }>;
  blueprints: readonly LintBlueprint[];
}

/** Nested paths of Graph properties a sample may not show (not selected, or needing a licence). */
const KNOWN_NESTED: Partial<Record<string, string[]>> = {
  user: [
    ".signInActivity.lastSignInDateTime",
    ".signInActivity.lastNonInteractiveSignInDateTime",
    ".signInActivity.lastSuccessfulSignInDateTime",
    ".employeeOrgData.costCenter",
    ".employeeOrgData.division",
    ".onPremisesExtensionAttributes.extensionAttribute1",
  ],
};

const JQ_KEYS = new Set(["query", "itemsToParse", "identifier", "title", "blueprint", "icon", "team"]);
const fieldsCache = new WeakMap<PreviewSample, InferredField[]>();

/** Fields inferred from every item of a sample (computed once per sample). */
export function sampleFields(sample: PreviewSample, kind: string): InferredField[] {
  let fields = fieldsCache.get(sample);
  if (!fields) {
    const inference = createFieldInference({ kind: kindParameters(kind).length ? null : kind });
    for (const page of sample.pages) {
      try {
        for (const item of itemsOfBody(page.body, "sample")) inference.addItem(item);
      } catch {
        // an error body: no fields from it
      }
    }
    fields = inference.result().fields;
    fieldsCache.set(sample, fields);
  }
  return fields;
}

const percent = (f: number) => `${Math.round(f * 100)}%`;

function fieldSuggestions(data: CompletionData, index: number, typed: string): Suggestion[] {
  const m = /(\.[A-Za-z0-9_@$"[\].]*)$/.exec(typed);
  if (!m) return [];
  const prefix = m[1]!;
  const lower = prefix.toLowerCase();
  const resource = data.config?.resources[index];
  const state = data.samples.get(index);
  const fields = state?.status === "ready" && state.sample && resource ? sampleFields(state.sample, resource.kind) : [];
  const out: Suggestion[] = fields
    .filter((f) => f.path.toLowerCase().startsWith(lower) && f.path !== prefix)
    .map((f) => ({
      label: f.path,
      insertText: f.path,
      replace: prefix.length,
      detail: `${f.type} · in ${percent(f.presence)} of items${f.nulls > 0 ? `, null in ${percent(f.nulls)}` : ""}`,
      documentation: f.examples.length ? `Examples: ${f.examples.map((e) => JSON.stringify(e)).join(", ")}` : undefined,
      kind: "field" as const,
      sortText: `0${(1 - f.presence).toFixed(3)}${f.path}`,
    }));
  if (resource) {
    const seen = new Set(fields.map((f) => f.path.split(/[.[]/)[1]));
    const known = knownPropertiesFor(resource.kind);
    const graphPaths = [...known.properties.map((p) => ({ path: `.${p.name}`, top: p.name, isDefault: p.isDefault })), ...(KNOWN_NESTED[known.kind ?? ""] ?? []).map((path) => ({ path, top: path.split(".")[1]!, isDefault: false }))];
    for (const p of graphPaths) {
      if (seen.has(p.top) || !p.path.toLowerCase().startsWith(lower)) continue;
      out.push({
        label: p.path,
        insertText: p.path,
        replace: prefix.length,
        detail: p.isDefault ? "Graph property (not in the sample)" : `Graph property: add ${p.top} to $select`,
        kind: "field",
        sortText: `1${p.path}`,
      });
    }
  }
  return out;
}

/** The blueprint a resource maps to, when its expression is a string literal. */
export function blueprintOf(config: PortAppConfig | null, index: number, blueprints: readonly LintBlueprint[]): LintBlueprint | null {
  const expr = config?.resources[index]?.port.entity.mappings.blueprint;
  if (typeof expr !== "string") return null;
  try {
    const id = JSON.parse(expr.trim().replace(/^'(.*)'$/, '"$1"')) as unknown;
    return typeof id === "string" ? (blueprints.find((b) => b.identifier === id) ?? null) : null;
  } catch {
    return null;
  }
}

function keySuggestions(data: CompletionData, index: number, section: "properties" | "relations", typed: string): Suggestion[] {
  const bp = blueprintOf(data.config, index, data.blueprints);
  if (!bp) return [];
  const mapped = data.config?.resources[index]?.port.entity.mappings[section] ?? {};
  const state = data.samples.get(index);
  const resource = data.config?.resources[index];
  const fields = state?.status === "ready" && state.sample && resource ? sampleFields(state.sample, resource.kind) : [];
  const names = section === "properties" ? Object.entries(bp.schema.properties).map(([n, s]) => [n, s.format ? `${s.type} (${s.format})` : s.type] as const) : Object.entries(bp.relations).map(([n, r]) => [n, `relation to ${r.target}`] as const);
  return names
    .filter(([name]) => !(name in mapped) && name.toLowerCase().startsWith(typed.toLowerCase()))
    .map(([name, what]) => {
      const field = fields.find((f) => f.path === `.${name}`);
      return {
        label: name,
        insertText: `${name}: ${field ? field.path : ""}`,
        replace: typed.length,
        detail: `${bp.identifier}: ${what}`,
        kind: section === "properties" ? ("property" as const) : ("relation" as const),
        sortText: `0${name}`,
      };
    });
}

/** Suggestions at (line, column), 1-based. */
export function suggestAt(text: string, line: number, column: number, data: CompletionData): Suggestion[] {
  const ctx = cursorContext(text, line, column);
  const [root, index] = ctx.path;
  if (root !== "resources" || typeof index !== "number") return [];
  const rest = ctx.path.slice(2);
  const inMappings = rest[0] === "port" && rest[1] === "entity" && rest[2] === "mappings";
  if (ctx.inValue) {
    const key = rest[rest.length - 1];
    const jq = inMappings ? rest.length >= 4 : typeof key === "string" && JQ_KEYS.has(key);
    return jq ? fieldSuggestions(data, index, ctx.typed) : [];
  }
  if (inMappings && rest.length === 4 && (rest[3] === "properties" || rest[3] === "relations")) return keySuggestions(data, index, rest[3], ctx.typed);
  return [];
}
