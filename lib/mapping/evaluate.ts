/**
 * Ocean's entity processor, page by page, with nothing swallowed:
 *  1. `data_path` on the page body: a list is spread into items, an object is one item;
 *  2. nested-endpoint items get `__<param>` (the value that replaced `{param}` in kind);
 *  3. `itemsToParse`: one item per element, `{...parent, [itemsToParseName]: element}`;
 *  4. the selector must return a boolean (anything else is an error of the resource);
 *  5. every field: first output; no output or an error -> null, reported per item (an item
 *     jq cannot read at all fails alone: at its selector, or in every field without one);
 *  6. an entity without identifier or blueprint (Python-falsy, as Ocean tests it) is dropped;
 *  7. the same (blueprint, identifier) twice in one run is reported (Port keeps the last).
 * Per-run state (duplicate tracking) lives in a RunState the caller owns, so a sync can
 * stream pages without holding the tenant.
 */
import type { ErrorLocation } from "@/lib/errors";
import { evaluateBatch, type CompiledBatch, type CompiledExpression, type JqEngine } from "@/lib/jq";
import type { CompiledResource, Template } from "./compile";
import type { PortEntity } from "./model";

export type DropReason = "selector_false" | "selector_error" | "missing_identifier" | "missing_blueprint" | "items_to_parse_not_list";

export interface DroppedItem {
  /** Index of the item in the page (after data_path). */
  index: number;
  /** Element of itemsToParse, when used. */
  subIndex?: number;
  reason: DropReason;
  message: string;
}

export interface Diagnostic {
  /** Item index in the page; absent for a problem of the whole resource. */
  index?: number;
  subIndex?: number;
  /** e.g. `selector.query`, `identifier`, `properties.mail`. */
  field: string;
  code: string;
  severity: "error" | "warning";
  message: string;
  hint?: string;
  location?: ErrorLocation;
}

export interface PageResult {
  entities: PortEntity[];
  /** For each entity, the item it came from. */
  origins: { index: number; subIndex?: number }[];
  dropped: DroppedItem[];
  diagnostics: Diagnostic[];
  /** Items after data_path (before itemsToParse and the selector). */
  items: number;
  /**
   * An error of the resource (selector not boolean or failing, data_path failing, a
   * syntax error in them): a sync must not delete anything in this run.
   */
  failed: boolean;
}

/** Per-run state the caller owns: one per sync run (or preview), shared by its pages. */
export interface RunState {
  /** `blueprint \0 identifier` -> where it was first produced. */
  seen: Map<string, { page: number; index: number; resource: number }>;
  /** Pages evaluated so far in this run. */
  pages: number;
  duplicates: number;
}

export function createRunState(): RunState {
  return { seen: new Map(), pages: 0, duplicates: 0 };
}

export interface EvaluatePageOptions {
  engine: JqEngine;
  /** Omit for a one-page preview; a sync passes one state for the whole run. */
  state?: RunState;
  /** For nested endpoints: `{group_id: "..."}` injects `__group_id` into every item. */
  pathParams?: Record<string, string>;
  /** Per engine run; the engine's default otherwise. */
  timeoutMs?: number;
}

/** Python truthiness, as Ocean's `entity.get("identifier")` test sees it. */
export function pythonTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

function singleBatch(expr: CompiledExpression): CompiledBatch {
  return { fields: [expr], selector: null, jqFields: expr.fast ? [] : [0] };
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function build(t: Template, values: unknown[]): unknown {
  if ("leaf" in t) return values[t.leaf] ?? null;
  if ("constant" in t) return null;
  if ("list" in t) return t.list.map((x) => build(x, values));
  const out: Record<string, unknown> = {};
  for (const [k, x] of t.object) out[k] = build(x, values);
  return out;
}

/** Map key of an entity; strings (the usual case) without JSON.stringify. */
function entityKey(blueprint: unknown, identifier: unknown): string {
  const b = typeof blueprint === "string" ? `s${blueprint}` : `j${JSON.stringify(blueprint)}`;
  const i = typeof identifier === "string" ? `s${identifier}` : `j${JSON.stringify(identifier)}`;
  return `${b}\u0000${i}`;
}

/** `del(.a.b)` for a simple path, on a copy: Ocean's itemsToParseTopLevelTransform. */
function withoutPath(item: unknown, expr: string): unknown {
  const m = /^\s*((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*$/.exec(expr);
  if (!m || item === null || typeof item !== "object" || Array.isArray(item)) return item;
  const keys = m[1]!.slice(1).split(".");
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  let cur = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = cur[keys[i]!];
    if (next === null || typeof next !== "object" || Array.isArray(next)) return copy;
    cur[keys[i]!] = { ...(next as Record<string, unknown>) };
    cur = cur[keys[i]!] as Record<string, unknown>;
  }
  delete cur[keys[keys.length - 1]!];
  return copy;
}

export async function evaluatePage(compiled: CompiledResource, body: unknown, options: EvaluatePageOptions): Promise<PageResult> {
  const { engine } = options;
  const state = options.state ?? createRunState();
  const page = state.pages++;
  const result: PageResult = { entities: [], origins: [], dropped: [], diagnostics: [], items: 0, failed: false };
  const base = `resources[${compiled.index}]`;
  for (const issue of compiled.issues) {
    const field = issue.location?.path?.replace(`${base}.port.entity.mappings.`, "").replace(`${base}.`, "") ?? "mapping";
    result.diagnostics.push({ field, code: issue.code, severity: "error", message: issue.message, hint: issue.hint, location: issue.location });
  }
  if (compiled.selectorBroken || compiled.dataPath.syntaxError || compiled.itemsToParse?.syntaxError) {
    result.failed = true;
    return result;
  }
  const run = { timeoutMs: options.timeoutMs };

  // 1. data_path. The body is a page of items, each evaluated on its own below, so an item
  // jq cannot read (a lone surrogate) fails there, alone, not the whole page here.
  const [dataRow] = await evaluateBatch(engine, singleBatch(compiled.dataPath), [body], { ...run, pageBody: true });
  const data = dataRow?.fields?.[0] ?? { kind: "empty" };
  let items: unknown[] = [];
  if (data.kind === "error") {
    result.failed = true;
    result.diagnostics.push({
      field: "selector.data_path",
      code: "data_path_error",
      severity: "error",
      message: `data_path ${compiled.dataPath.source}: ${data.message}`,
      hint: "For Graph collections the data_path is .value.",
      location: { path: `${base}.selector.data_path` },
    });
    return result;
  }
  if (data.kind === "empty" || (data.kind === "value" && data.value === null)) {
    // Ocean skips the page silently; a person needs to know (a misspelt data_path?).
    result.diagnostics.push({
      field: "selector.data_path",
      code: "data_path_no_items",
      severity: "warning",
      message: `data_path ${compiled.dataPath.source} gave ${data.kind === "empty" ? "no output" : "null"}: no items in this page`,
      hint: "For Graph collections the data_path is .value.",
      location: { path: `${base}.selector.data_path` },
    });
  } else if (data.kind === "value") {
    if (Array.isArray(data.value)) items = data.value;
    else if (typeof data.value === "object") items = [data.value];
    else {
      result.diagnostics.push({
        field: "selector.data_path",
        code: "data_path_not_list",
        severity: "warning",
        message: `data_path ${compiled.dataPath.source} returned ${describe(data.value)}, not a list or an object: no items`,
        hint: "For Graph collections the data_path is .value.",
        location: { path: `${base}.selector.data_path` },
      });
    }
  }
  result.items = items.length;

  // 2. nested endpoints: `__<param>` on every item (on a copy; the caller's body is untouched)
  const params = Object.entries(options.pathParams ?? {});
  if (params.length > 0) {
    items = items.map((it) => {
      if (it === null || typeof it !== "object" || Array.isArray(it)) return it;
      const copy: Record<string, unknown> = { ...(it as Record<string, unknown>) };
      for (const [k, v] of params) copy[`__${k}`] = v;
      return copy;
    });
  }

  // 3. itemsToParse
  let work: { index: number; subIndex?: number; item: unknown }[] = items.map((item, index) => ({ index, item }));
  const itp = compiled.itemsToParse;
  if (itp) {
    const port = compiled.resource.port;
    const rows = await evaluateBatch(engine, singleBatch(itp), items, run);
    work = [];
    rows.forEach((row, index) => {
      const o = row.fields?.[0] ?? { kind: "empty" };
      if (o.kind !== "value" || !Array.isArray(o.value)) {
        const got = o.kind === "error" ? `an error (${o.message})` : o.kind === "empty" ? "no output" : describe(o.value);
        result.dropped.push({ index, reason: "items_to_parse_not_list", message: `itemsToParse ${itp.source} gave ${got}, not a list` });
        return;
      }
      const parent = port.itemsToParseTopLevelTransform ? withoutPath(items[index], itp.jq) : items[index];
      o.value.forEach((element, subIndex) => {
        const merged =
          parent !== null && typeof parent === "object" && !Array.isArray(parent)
            ? { ...(parent as Record<string, unknown>), [port.itemsToParseName]: element }
            : { [port.itemsToParseName]: element };
        work.push({ index, subIndex, item: merged });
      });
    });
  }

  // 4-5. selector and fields, one batch for the page
  const rows = await evaluateBatch(engine, compiled.batch, work.map((w) => w.item), run);
  const selectorField = "selector.query";
  // Hoisted out of the per-item loop: which fields report diagnostics, and the template by key.
  const reportable = compiled.fields.flatMap((f, k) => (f.source !== null && !compiled.batch.fields[k]?.syntaxError ? [k] : []));
  const top: Partial<Record<string, Template>> = Object.fromEntries(compiled.template.map(({ key, template }) => [key, template]));
  const selectorLocation = { path: `${base}.selector.query` };
  rows.forEach((row, n) => {
    const { index, subIndex } = work[n]!;
    const at = subIndex === undefined ? { index } : { index, subIndex };
    const s = row.selector ?? { kind: "value", value: true };
    if (!(s.kind === "value" && s.value === true)) {
      if (s.kind === "value" && s.value === false) {
        result.dropped.push({ ...at, reason: "selector_false", message: "selector.query returned false" });
        return;
      }
      const message =
        s.kind === "error"
          ? `selector.query failed: ${s.message}`
          : s.kind === "empty"
            ? "selector.query produced no output; it must return true or false"
            : `selector.query must return a boolean, got ${describe(s.value)}`;
      result.failed = true;
      result.dropped.push({ ...at, reason: "selector_error", message });
      result.diagnostics.push({
        ...at,
        field: selectorField,
        code: s.kind === "error" ? "selector_error" : "selector_not_boolean",
        severity: "error",
        message,
        hint: "Make the selector return a boolean for every item, e.g. .userType == \"Member\" or 'true'.",
        location: selectorLocation,
      });
      return;
    }
    const outcomes = row.fields ?? [];
    for (const k of reportable) {
      const o = outcomes[k];
      if (!o || o.kind === "value") continue;
      const field = compiled.fields[k]!;
      result.diagnostics.push({
        ...at,
        field: field.name,
        code: o.kind === "error" ? "jq_error" : "jq_no_output",
        severity: o.kind === "error" ? "error" : "warning",
        message: o.kind === "error" ? `${field.name}: ${o.message}` : `${field.name}: ${field.source} produced no output (null)`,
        location: field.location,
      });
    }
    const values = new Array<unknown>(outcomes.length);
    for (let k = 0; k < outcomes.length; k++) {
      const o = outcomes[k]!;
      values[k] = o.kind === "value" ? o.value : null;
    }
    // Port's shape; icon and team only when mapped, so an upsert does not clear them.
    const entity: Record<string, unknown> = {
      identifier: top.identifier ? build(top.identifier, values) : null,
      title: top.title ? build(top.title, values) : null,
      blueprint: top.blueprint ? build(top.blueprint, values) : null,
    };
    if (top.icon) entity.icon = build(top.icon, values);
    if (top.team) entity.team = build(top.team, values);
    entity.properties = top.properties ? build(top.properties, values) : {};
    entity.relations = top.relations ? build(top.relations, values) : {};
    if (!pythonTruthy(entity.identifier)) {
      result.dropped.push({ ...at, reason: "missing_identifier", message: `identifier is ${describe(entity.identifier)}: the entity is dropped` });
      return;
    }
    if (!pythonTruthy(entity.blueprint)) {
      result.dropped.push({ ...at, reason: "missing_blueprint", message: `blueprint is ${describe(entity.blueprint)}: the entity is dropped` });
      return;
    }
    const key = entityKey(entity.blueprint, entity.identifier);
    const first = state.seen.get(key);
    if (first) {
      state.duplicates++;
      const where = first.page === page ? `item ${first.index}` : `item ${first.index} of page ${first.page + 1}`;
      result.diagnostics.push({
        ...at,
        field: "identifier",
        code: "duplicate_entity",
        severity: "warning",
        message: `same entity as ${where} (blueprint ${describe(entity.blueprint)}, identifier ${describe(entity.identifier)}): Port keeps only the last one written`,
        hint: "Items that each set one member of a many-relation overwrite each other; use membership entities (kind /groups/{group_id}/members) instead.",
        location: compiled.fields.find((f) => f.name === "identifier")?.location,
      });
    } else {
      state.seen.set(key, { page, index, resource: compiled.index });
    }
    result.entities.push(entity as unknown as PortEntity);
    result.origins.push(at);
  });
  return result;
}
