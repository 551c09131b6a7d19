/**
 * The Explore step on the server: one Graph request, the next page, or every page up to a
 * limit, through the project's own Graph client (tokens never reach the browser). Each
 * answer is kept as the endpoint's sample. Graph errors come back as data (status, body,
 * the client's explanation and hint), because showing them is the point of exploring.
 */
import { AppError, isAppError, scrubSecretsDeep } from "../errors";
import { isGraphError, type GraphClient, type GraphResponse } from "../graph";
import { graphForProject } from "./clients";
import type { ExploreError, ExploreResponse, FetchAllEvent, SampleSummary } from "./contracts";
import type { BuilderDeps } from "./deps";
import { loadSample, SampleAccumulator, storeSample, type SampleRequest } from "./samples";

export interface ExploreInput {
  path: string;
  query: Record<string, string | undefined>;
  consistencyLevelEventual: boolean;
}

function cleanQuery(query: ExploreInput["query"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v.trim() !== "") out[k] = v.trim();
  return out;
}

function headersFor(consistencyLevelEventual: boolean): Record<string, string> {
  return consistencyLevelEventual ? { ConsistencyLevel: "eventual" } : {};
}

function displayRequest(path: string, query: Record<string, string>): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return qs ? `${path}?${qs}` : path;
}

/** Response headers worth showing; nothing that could set state in the browser. */
function shownHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!/^(set-cookie|www-authenticate)$/i.test(k)) out[k] = v;
  return out;
}

function itemsOf(body: unknown): unknown[] | null {
  if (body && typeof body === "object" && !Array.isArray(body) && Array.isArray((body as { value?: unknown }).value)) {
    return (body as { value: unknown[] }).value;
  }
  return null;
}

function nextLinkOf(body: unknown): string | null {
  const link = body && typeof body === "object" ? (body as Record<string, unknown>)["@odata.nextLink"] : null;
  return typeof link === "string" && link ? link : null;
}

export function toExploreError(error: unknown): ExploreError {
  if (isAppError(error)) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(error.requestId ? { requestId: error.requestId } : {}) };
  }
  return { code: "internal_error", message: "The request failed unexpectedly.", hint: "Try again; if it keeps failing, see the server log." };
}

function answer(request: string, res: GraphResponse | undefined, graphError: ExploreError | null, sample: SampleSummary | null, fallbackStatus = 0): ExploreResponse {
  const items = res ? itemsOf(res.body) : null;
  return {
    request,
    status: res?.status ?? fallbackStatus,
    durationMs: res?.timing.durationMs ?? 0,
    headers: res ? shownHeaders(res.headers) : {},
    // Graph's own answer, shown as is, except a secret it quotes (a 401 echoing the token).
    body: scrubSecretsDeep(res?.body ?? null),
    itemCount: items ? items.length : null,
    hasNextPage: res ? nextLinkOf(res.body) !== null : false,
    graphError,
    sample,
  };
}

/** Runs `send`; a GraphError becomes an answer with Graph's status and body, anything else is thrown. */
async function attempt(request: string, send: () => Promise<GraphResponse>): Promise<{ res: GraphResponse } | { failed: ExploreResponse }> {
  try {
    return { res: await send() };
  } catch (error) {
    if (!isGraphError(error)) throw error;
    return { failed: answer(request, error.response, toExploreError(error), null, error.status) };
  }
}

export async function sendExplore(deps: BuilderDeps, userId: string, projectId: string, input: ExploreInput): Promise<ExploreResponse> {
  const { client } = await graphForProject(deps, userId, projectId);
  const query = cleanQuery(input.query);
  const request = displayRequest(input.path, query);
  const result = await attempt(request, () => client.request(input.path, { query, headers: headersFor(input.consistencyLevelEventual) }));
  if ("failed" in result) return result.failed;
  const items = itemsOf(result.res.body) ?? [result.res.body];
  const acc = new SampleAccumulator(items);
  const stored: SampleRequest = { path: input.path, query, consistencyLevelEventual: input.consistencyLevelEventual, nextLink: nextLinkOf(result.res.body) };
  const sample = await storeSample(deps, projectId, stored, acc, 1);
  return answer(request, result.res, null, sample);
}

/** Follows the nextLink kept with the endpoint's sample and appends the page to it. */
export async function sendNextPage(deps: BuilderDeps, userId: string, projectId: string, endpoint: string): Promise<ExploreResponse> {
  const { client } = await graphForProject(deps, userId, projectId);
  const sample = await loadSample(deps, userId, projectId, endpoint);
  const link = sample.request.nextLink;
  if (!link) {
    throw new AppError("no_next_page", `The sample of ${endpoint} has no next page: Graph's last answer had no @odata.nextLink.`, {
      status: 409,
      hint: "Send the request again to start from the first page.",
    });
  }
  const request = `${displayRequest(sample.request.path, sample.request.query)} (page ${sample.summary.pages + 1})`;
  const result = await attempt(request, () => client.requestNextLink(link, { headers: headersFor(sample.request.consistencyLevelEventual) }));
  if ("failed" in result) return result.failed;
  const acc = new SampleAccumulator(sample.items, sample.summary.truncated);
  acc.addAll(itemsOf(result.res.body) ?? []);
  const stored = { ...sample.request, nextLink: nextLinkOf(result.res.body) };
  const summary = await storeSample(deps, projectId, stored, acc, sample.summary.pages + 1);
  return answer(request, result.res, null, summary);
}

export interface FetchAllInput extends ExploreInput {
  maxPages: number;
  signal?: AbortSignal;
}

/**
 * Every page up to `maxPages` (or until the sample is full), as progress events. What was
 * read is kept even when the run stops early (cancel, error, limit), and the last event
 * says which it was, so a partial sample never passes for a complete one.
 */
export async function* fetchAllPages(deps: BuilderDeps, userId: string, projectId: string, input: FetchAllInput): AsyncGenerator<FetchAllEvent> {
  const { client } = await graphForProject(deps, userId, projectId);
  yield* fetchAllPagesWith(deps, projectId, client, input);
}

/** The same, with the project's Graph client already made (the route makes it first, to answer a missing connection as plain JSON). */
export async function* fetchAllPagesWith(deps: BuilderDeps, projectId: string, client: GraphClient, input: FetchAllInput): AsyncGenerator<FetchAllEvent> {
  const query = cleanQuery(input.query);
  const acc = new SampleAccumulator();
  let pages = 0;
  let nextLink: string | null = null;
  const keep = () =>
    pages === 0 ? Promise.resolve(null) : storeSample(deps, projectId, { path: input.path, query, consistencyLevelEventual: input.consistencyLevelEventual, nextLink }, acc, pages);
  try {
    for await (const page of pagesOf(client, input, query)) {
      pages = page.pageNumber;
      nextLink = page.nextLink;
      acc.addAll(page.items);
      yield { type: "progress", pages, items: page.itemsSoFar, maxPages: input.maxPages };
      if (acc.full || pages >= input.maxPages || input.signal?.aborted) break;
    }
  } catch (error) {
    // Cancelled while a page was in flight: that is a cancel, not a failure.
    if (!input.signal?.aborted) {
      const sample = await keep();
      yield { type: "error", pages, items: acc.items.length, error: toExploreError(error), sample };
      return;
    }
  }
  const sample = await keep();
  const reason = input.signal?.aborted
    ? `Cancelled after ${pages} pages.`
    : acc.truncated ?? (nextLink ? `Stopped at the limit of ${input.maxPages.toLocaleString("en-US")} pages; more pages remain.` : null);
  yield { type: "done", pages, items: acc.items.length, complete: nextLink === null && !acc.truncated, reason, sample };
}

function pagesOf(client: GraphClient, input: FetchAllInput, query: Record<string, string>) {
  return client.fetchAllPages(input.path, {
    query,
    headers: headersFor(input.consistencyLevelEventual),
    // One more than asked, so reaching the limit is a choice of ours, not the paginator's error.
    maxPages: input.maxPages + 1,
    signal: input.signal,
  });
}
