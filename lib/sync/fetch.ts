/**
 * Fetch step: the Graph pages of one resource, as they arrive.
 * - A plain kind (`/users`) is one listing: `fetchAllPages` with the selector's
 *   query_params, headers, method and body.
 * - A nested kind (`/groups/{group_id}/members`) first reads its discovery endpoint
 *   (`path_parameters.group_id`: data_path, then `filter` and `field` per record), then one
 *   listing per value with the value URL-encoded into the path (Ocean does not encode it),
 *   at most `concurrency` listings at once (Ocean's maxConcurrentRequests, default 10).
 *   Each page carries the value, which the mapping injects as `__group_id`.
 * Only the first `{param}` is resolved, as in Ocean. Nothing holds earlier pages.
 */
import { isGraphError, type FetchAllPagesOptions, type GraphClient } from "@/lib/graph";
import { compileBatch, compileExpression, evaluateBatch, type CompiledBatch, type CompiledExpression, type JqEngine } from "@/lib/jq";
import { kindParameters, type PathParameter, type ResourceConfig } from "@/lib/mapping";
import { AppError } from "@/lib/errors";
import { flatMapConcurrent } from "./streams";
import type { SyncErrorEntry } from "./types";

export interface FetchedPage {
  body: unknown;
  /** For nested kinds: `{group_id: "..."}`, the value that replaced `{group_id}`. */
  pathParams?: Record<string, string>;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Nested listings read at once (default 10). */
  concurrency?: number;
  /** Page cap per listing (the Graph client's default otherwise). */
  maxPages?: number;
  /** Ocean's nextLinkPath (default `@odata.nextLink`). */
  nextLinkKey?: string;
  /** False: the first page only (Ocean's paginationType none); a next page link is then an error. */
  paginate?: boolean;
  /** A discovery record that gives no usable value: reported, and the run will not delete. */
  onProblem?: (problem: SyncErrorEntry) => void;
}

export const DEFAULT_NESTED_CONCURRENCY = 10;

type QueryValue = string | number | boolean;

function listingOptions(
  request: { query_params?: Record<string, QueryValue>; headers?: Record<string, string>; method?: FetchAllPagesOptions["method"]; body?: unknown },
  options: FetchOptions,
  signal: AbortSignal | undefined,
): FetchAllPagesOptions {
  return {
    query: request.query_params,
    headers: request.headers,
    method: request.method,
    body: request.body,
    signal,
    maxPages: options.paginate === false ? 1 : options.maxPages,
    nextLinkKey: options.nextLinkKey,
  };
}

async function* bodies(graph: GraphClient, path: string, o: FetchAllPagesOptions, paginate: boolean): AsyncGenerator<unknown, void, undefined> {
  try {
    for await (const page of graph.fetchAllPages(path, o)) yield page.response.body;
  } catch (error) {
    if (!paginate && isGraphError(error) && error.code === "page_cap_reached") {
      throw new AppError("pagination_off", `${path} has more than one page, but pagination is off: only the first page was read.`, {
        status: 400,
        hint: "Set OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE=next_link (Graph pages with @odata.nextLink); nothing is deleted after an incomplete read.",
      });
    }
    throw error;
  }
}

interface Discovery {
  param: string;
  spec: PathParameter;
  dataPath: CompiledExpression;
  /** `field` as the batch's one field, `filter` as its selector. */
  batch: CompiledBatch;
}

async function compileDiscovery(engine: JqEngine, resource: ResourceConfig, index: number): Promise<Discovery | null> {
  const param = kindParameters(resource.kind)[0];
  if (param === undefined) return null;
  const spec = resource.selector.path_parameters?.[param];
  const where = `resources[${index}].selector.path_parameters.${param}`;
  if (!spec) {
    throw new AppError("path_parameter_missing", `kind ${resource.kind} has {${param}} but selector.path_parameters has no ${param}.`, {
      status: 400,
      location: { path: `resources[${index}].selector.path_parameters` },
      hint: `Add path_parameters.${param} with the endpoint that lists the values (e.g. endpoint: /groups, data_path: .value, field: .id).`,
    });
  }
  const [dataPath, batch] = await Promise.all([
    compileExpression(engine, spec.data_path),
    compileBatch(engine, { fields: [spec.field], selector: spec.filter }),
  ]);
  for (const [name, expr] of [["data_path", dataPath], ["field", batch.fields[0]], ["filter", batch.selector]] as const) {
    if (expr?.syntaxError) {
      throw new AppError("jq_syntax", `${where}.${name}: ${expr.syntaxError.message}`, { status: 400, location: { path: `${where}.${name}` }, hint: "Fix the jq expression." });
    }
  }
  return { param, spec, dataPath, batch };
}

/** The values of a discovery page: data_path, then `filter` (exactly true keeps) and `field`. */
async function discoveryValues(engine: JqEngine, d: Discovery, body: unknown, report: (message: string) => void): Promise<string[]> {
  const [dataRow] = await evaluateBatch(engine, { fields: [d.dataPath], selector: null, jqFields: d.dataPath.fast ? [] : [0] }, [body], { pageBody: true });
  const data = dataRow?.fields?.[0];
  if (!data || data.kind === "error") {
    report(`data_path ${d.spec.data_path} failed on a page of ${d.spec.endpoint}${data?.kind === "error" ? `: ${data.message}` : ""}`);
    return [];
  }
  if (data.kind === "empty" || data.value === null) return [];
  const records = Array.isArray(data.value) ? data.value : [data.value];
  const rows = await evaluateBatch(engine, d.batch, records);
  const values: string[] = [];
  rows.forEach((row, i) => {
    if (d.batch.selector && !(row.selector?.kind === "value" && row.selector.value === true)) return;
    const out = row.fields?.[0];
    const v = out?.kind === "value" ? out.value : undefined;
    if (typeof v === "string" && v !== "") values.push(v);
    else if (typeof v === "number" && Number.isFinite(v)) values.push(String(v));
    else report(`field ${d.spec.field} gave ${out?.kind === "error" ? `an error (${out.message})` : JSON.stringify(v ?? null)} for record ${i} of a page of ${d.spec.endpoint}; that listing was skipped`);
  });
  return values;
}

/** The pages of one resource, in arrival order. */
export async function* resourcePages(
  graph: GraphClient,
  engine: JqEngine,
  resource: ResourceConfig,
  index: number,
  options: FetchOptions = {},
): AsyncGenerator<FetchedPage, void, undefined> {
  const discovery = await compileDiscovery(engine, resource, index);
  if (!discovery) {
    for await (const body of bodies(graph, resource.kind, listingOptions(resource.selector, options, options.signal), options.paginate !== false)) yield { body };
    return;
  }
  const { param, spec } = discovery;
  const report = (message: string) =>
    options.onProblem?.({ stage: "fetch", resource: index, code: "path_parameter_value", message, hint: `Check path_parameters.${param} (field and filter).` });
  async function* values(): AsyncGenerator<string, void, undefined> {
    for await (const body of bodies(graph, spec.endpoint, listingOptions(spec, options, options.signal), options.paginate !== false)) {
      yield* await discoveryValues(engine, discovery!, body, report);
    }
  }
  const placeholder = `{${param}}`;
  yield* flatMapConcurrent(
    values(),
    options.concurrency ?? DEFAULT_NESTED_CONCURRENCY,
    async function* (value, signal) {
      const path = resource.kind.split(placeholder).join(encodeURIComponent(value));
      for await (const body of bodies(graph, path, listingOptions(resource.selector, options, signal), options.paginate !== false)) yield { body, pathParams: { [param]: value } };
    },
    { signal: options.signal },
  );
}
