/**
 * One preview run: every resource of the configuration compiled (syntax errors with their
 * YAML positions) and evaluated over its preview sample with lib/mapping's evaluatePage,
 * exactly as `npm run cli -- map` evaluates the same pages (one RunState per kind, pages
 * in order, nested pages with their `__<param>`). The per-resource figures, entities with
 * the item they came from, and per-field statistics are what the preview panel shows.
 *
 * Resources whose configuration and sample did not change since the previous run keep
 * their previous result (`reuse`), so an edit re-evaluates only what it touched.
 * Framework-free: runs with any JqEngine (the worker client on the page, a Node pool in tests).
 */
import { compileExpression, evaluateBatch, type JqEngine } from "@/lib/jq";
import {
  compileResource,
  createRunState,
  evaluatePage,
  type CompiledResource,
  type ConfigIssue,
  type Diagnostic,
  type DropReason,
  type PortAppConfig,
  type PortEntity,
  type ResourceConfig,
  type SourceMap,
} from "@/lib/mapping";
import type { LintBlueprint } from "@/lib/mapping";
import type { PreviewSample } from "@/lib/builder/mapping-contracts";
import { fieldStats, type FieldStat, type PageDiagnostic } from "./field-stats";
import { NOT_RUN_MESSAGE } from "./preview-engine";

export type SampleState =
  | { status: "ready"; sample: PreviewSample }
  | { status: "loading" }
  | { status: "error"; message: string; hint?: string };

export interface PreviewEntity {
  entity: PortEntity;
  page: number;
  index: number;
  subIndex?: number;
}

export interface ResourcePreview {
  index: number;
  kind: string;
  sample: SampleState;
  /** Items after data_path, over all pages. */
  itemsIn: number;
  /** Items (elements, with itemsToParse) the selector let through. */
  passed: number;
  entities: PreviewEntity[];
  dropped: Partial<Record<DropReason, { count: number; example: string }>>;
  fields: FieldStat[];
  /** Problems of the whole resource (data_path, selector). */
  problems: Diagnostic[];
  duplicates: number;
  /** A selector or data_path error: a sync would not delete anything. */
  failed: boolean;
  /** Items after data_path, per page (for "the item this entity came from"). */
  pageItems: unknown[][];
  /** Injected `__<param>` per page (nested kinds). */
  pagePathParams: (Record<string, string> | undefined)[];
}

export interface PreviewResult {
  resources: ResourcePreview[];
  /** jq syntax errors of every resource, with their YAML positions. */
  compileIssues: ConfigIssue[];
  /** Field or selector runs stopped at the time limit (message and location). */
  stopped: Diagnostic[];
}

export interface PreviewRunInput {
  config: PortAppConfig;
  source: SourceMap;
  /** By resource index. */
  samples: ReadonlyMap<number, SampleState>;
  blueprints: readonly LintBlueprint[];
}

export interface PreviewRunOptions {
  engine: JqEngine;
  timeoutMs?: number;
  /** The previous run's results, reused for kinds whose resources and samples did not change. */
  reuse?: PreviewCache;
}

/** Results by kind group, keyed by what they were computed from. */
export type PreviewCache = Map<string, { key: string; resources: ResourcePreview[]; stopped: Diagnostic[] }>;

/** A field run stopped at the time limit, or jq-wasm failing (a runaway exhausting its memory). */
const STOPPED = /^(stopped after \d+ ms|jq failed: )/;

function resourceKey(r: ResourceConfig, index: number, sample: SampleState | undefined): string {
  const s = sample?.status === "ready" ? sample.sample.fetchedAt + sample.sample.request : (sample?.status ?? "none");
  return `${index}\u0000${JSON.stringify(r)}\u0000${s}`;
}

/** Items after data_path, page by page (the fast path reads `.value` in place: no copy). */
async function itemsOfPages(engine: JqEngine, compiled: CompiledResource, sample: PreviewSample, timeoutMs?: number): Promise<unknown[][]> {
  const dataPath = await compileExpression(engine, compiled.resource.selector.data_path ?? ".");
  if (dataPath.syntaxError) return sample.pages.map(() => []);
  const batch = { fields: [dataPath], selector: null, jqFields: dataPath.fast ? [] : [0] };
  return Promise.all(
    sample.pages.map(async (p) => {
      const [row] = await evaluateBatch(engine, batch, [p.body], { pageBody: true, timeoutMs });
      const out = row?.fields?.[0];
      if (out?.kind !== "value" || out.value === null) return [];
      return Array.isArray(out.value) ? out.value : typeof out.value === "object" ? [out.value] : [];
    }),
  );
}

async function evaluateResource(
  engine: JqEngine,
  compiled: CompiledResource,
  sample: SampleState,
  state: ReturnType<typeof createRunState>,
  input: PreviewRunInput,
  timeoutMs: number | undefined,
): Promise<{ preview: ResourcePreview; stopped: Diagnostic[] }> {
  const preview: ResourcePreview = {
    index: compiled.index,
    kind: compiled.resource.kind,
    sample,
    itemsIn: 0,
    passed: 0,
    entities: [],
    dropped: {},
    fields: [],
    problems: [],
    duplicates: 0,
    failed: false,
    pageItems: [],
    pagePathParams: [],
  };
  const stopped: Diagnostic[] = [];
  const diagnostics: PageDiagnostic[] = [];
  if (sample.status === "ready") {
    for (const [page, p] of sample.sample.pages.entries()) {
      const result = await evaluatePage(compiled, p.body, { engine, state, pathParams: p.pathParams, timeoutMs });
      preview.itemsIn += result.items;
      preview.failed ||= result.failed;
      result.entities.forEach((entity, n) => preview.entities.push({ entity, page, ...result.origins[n]! }));
      for (const d of result.dropped) {
        const slot = (preview.dropped[d.reason] ??= { count: 0, example: d.message });
        slot.count++;
      }
      for (const d of result.diagnostics) {
        if (d.index === undefined) {
          // Resource-level problems (syntax errors, data_path) once, not once per page.
          if (page === 0 && d.code !== "jq_syntax") preview.problems.push(d);
          continue;
        }
        if (d.code === "duplicate_entity") preview.duplicates++;
        const outcome = d.message.replace(/^[^:]*: /, "");
        if (STOPPED.test(outcome) && !outcome.includes(NOT_RUN_MESSAGE) && !stopped.some((s) => s.field === d.field)) {
          // jq-wasm aborts when a runaway expression exhausts its memory: say what it means.
          const message = outcome.startsWith("jq failed: ") ? `${d.field}: the expression did not finish (jq ran out of memory and was stopped)` : d.message;
          stopped.push({ ...d, message });
        }
        diagnostics.push({ ...d, page });
      }
      preview.pagePathParams.push(p.pathParams);
    }
    preview.pageItems = await itemsOfPages(engine, compiled, sample.sample, timeoutMs);
  }
  const selectorDrops = (preview.dropped.selector_false?.count ?? 0) + (preview.dropped.selector_error?.count ?? 0) + (preview.dropped.items_to_parse_not_list?.count ?? 0);
  const itemsToParse = compiled.resource.port.itemsToParse !== undefined;
  preview.passed = itemsToParse
    ? preview.entities.length + (preview.dropped.missing_identifier?.count ?? 0) + (preview.dropped.missing_blueprint?.count ?? 0)
    : preview.itemsIn - selectorDrops;
  preview.fields = fieldStats(compiled, preview.entities, diagnostics, input.blueprints);
  return { preview, stopped };
}

export async function runPreview(input: PreviewRunInput, options: PreviewRunOptions): Promise<{ result: PreviewResult; cache: PreviewCache }> {
  const { engine, timeoutMs } = options;
  const { config, source } = input;
  const compiled = await Promise.all(config.resources.map((r, index) => compileResource(engine, r, { index, source })));
  const compileIssues = compiled.flatMap((c) => c.issues);
  // A syntax error anywhere: nothing is evaluated, the page keeps the last good preview.
  if (compileIssues.length > 0) return { result: { resources: [], compileIssues, stopped: [] }, cache: options.reuse ?? new Map() };

  // Kinds in order of first appearance; resources of one kind share a RunState (as in `cli map`).
  const kinds = new Map<string, CompiledResource[]>();
  for (const c of compiled) kinds.set(c.resource.kind, [...(kinds.get(c.resource.kind) ?? []), c]);
  const cache: PreviewCache = new Map();
  const byIndex = new Map<number, ResourcePreview>();
  const stopped: Diagnostic[] = [];
  for (const [kind, group] of kinds) {
    const key = group.map((c) => resourceKey(c.resource, c.index, input.samples.get(c.index))).join("\u0001");
    const previous = options.reuse?.get(kind);
    let entry = previous?.key === key ? previous : null;
    if (!entry) {
      const state = createRunState();
      const resources: ResourcePreview[] = [];
      const groupStopped: Diagnostic[] = [];
      for (const c of group) {
        const { preview, stopped: s } = await evaluateResource(engine, c, input.samples.get(c.index) ?? { status: "loading" }, state, input, timeoutMs);
        resources.push(preview);
        groupStopped.push(...s);
      }
      entry = { key, resources, stopped: groupStopped };
    }
    cache.set(kind, entry);
    stopped.push(...entry.stopped);
    for (const r of entry.resources) byIndex.set(r.index, r);
  }
  const resources = config.resources.map((_, i) => byIndex.get(i)!);
  return { result: { resources, compileIssues, stopped }, cache };
}
