/**
 * Preview samples: the Graph pages a mapping's preview is computed over, fetched the way
 * that resource asks for them (its kind, query_params and headers), so a `$select` fix
 * shows its effect at once. Stored Explore samples were taken with whatever query the
 * person typed there; a preview of `/users` without `$select` must show the nulls Graph
 * really returns.
 *
 * Bounded: the first pages up to PREVIEW_MAX_ITEMS items; for a nested kind
 * (`/groups/{group_id}/members`) the listings of at most PREVIEW_MAX_PARENTS parents whose
 * ids the browser read from the discovery listing (it evaluates data_path, filter and field
 * there, with the same jq as the rest of the preview). Read-only: anything but GET is
 * refused, and only the headers of advanced queries are sent.
 */
import { AppError } from "../errors";
import { isGraphError, type GraphClient } from "../graph";
import { kindParameters } from "../mapping/validate";
import { graphForProject } from "./clients";
import type { BuilderDeps } from "./deps";
import {
  PREVIEW_HEADERS,
  PREVIEW_MAX_ITEMS,
  PREVIEW_MAX_NESTED_ITEMS,
  PREVIEW_MAX_PAGES,
  type PreviewPage,
  type PreviewSample,
  type PreviewSampleProblem,
  type previewSampleRequest,
} from "./mapping-contracts";
import type { z } from "zod";

export type PreviewSampleInput = z.output<typeof previewSampleRequest>;

const count = (n: number) => n.toLocaleString("en-US");

/** `/users?$top=999&$select=id,...` as a person reads it. */
export function displayRequest(path: string, query: Record<string, unknown>): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${String(v)}`).join("&");
  return qs ? `${path}?${qs}` : path;
}

/** The headers a preview sends (advanced-query ones), and notes for those it leaves out. */
export function previewHeaders(headers: Record<string, string>): { headers: Record<string, string>; notes: string[] } {
  const out: Record<string, string> = {};
  const notes: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const known = PREVIEW_HEADERS.find((h) => h.toLowerCase() === name.toLowerCase());
    if (known) out[known] = value;
    else notes.push(`The header ${name} is not sent by the preview (it sends only ${PREVIEW_HEADERS.join(" and ")}); Ocean sends it.`);
  }
  return { headers: out, notes };
}

/** Items a Graph page holds, and the page cut to `room` items when it holds more. */
function fitPage(body: unknown, items: unknown[], room: number): { body: unknown; kept: number; cut: boolean } {
  if (items.length <= room) return { body, kept: items.length, cut: false };
  if (body !== null && typeof body === "object" && !Array.isArray(body) && Array.isArray((body as { value?: unknown }).value)) {
    return { body: { ...(body as Record<string, unknown>), value: items.slice(0, room) }, kept: room, cut: true };
  }
  if (Array.isArray(body)) return { body: body.slice(0, room), kept: room, cut: true };
  return { body, kept: items.length, cut: false };
}

interface Listing {
  pages: PreviewPage[];
  items: number;
  /** The listing was read to its last page. */
  complete: boolean;
  problem: PreviewSampleProblem | null;
}

/** The pages of one listing until `room` items, the page cap, or an error. */
async function readListing(
  client: GraphClient,
  path: string,
  options: { query: Record<string, string | number | boolean>; headers: Record<string, string>; room: number; pathParams?: Record<string, string>; signal?: AbortSignal },
): Promise<Listing> {
  const out: Listing = { pages: [], items: 0, complete: false, problem: null };
  try {
    const pages = client.fetchAllPages(path, { query: options.query, headers: options.headers, maxPages: PREVIEW_MAX_PAGES + 1, signal: options.signal });
    for await (const page of pages) {
      const fitted = fitPage(page.response.body, page.items, options.room - out.items);
      out.pages.push(options.pathParams ? { body: fitted.body, pathParams: options.pathParams } : { body: fitted.body });
      out.items += fitted.kept;
      if (page.nextLink === null && !fitted.cut) out.complete = true;
      if (fitted.cut || out.items >= options.room || out.pages.length >= PREVIEW_MAX_PAGES) break;
    }
  } catch (error) {
    if (!isGraphError(error)) throw error;
    out.problem = { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), request: displayRequest(path, options.query) };
  }
  return out;
}

function refuse(input: PreviewSampleInput, problem: PreviewSampleProblem, notes: string[] = []): PreviewSample {
  return {
    kind: input.kind,
    request: displayRequest(input.kind, input.query_params),
    pages: [],
    items: 0,
    truncated: null,
    parents: null,
    problem,
    notes,
    fetchedAt: new Date().toISOString(),
  };
}

export async function fetchPreviewSample(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  input: PreviewSampleInput,
  signal?: AbortSignal,
): Promise<PreviewSample> {
  const { client } = await graphForProject(deps, userId, projectId);
  const { headers, notes } = previewHeaders(input.headers);
  if (input.method.toUpperCase() !== "GET") {
    return refuse(input, {
      code: "preview_method",
      message: `This resource uses ${input.method.toUpperCase()}; the preview only reads, with GET.`,
      hint: "Graph's directory listings are GET requests; remove selector.method or set it to GET.",
    }, notes);
  }
  const params = kindParameters(input.kind);
  if (params.length === 0) {
    const listing = await readListing(client, input.kind, { query: input.query_params, headers, room: PREVIEW_MAX_ITEMS, signal });
    return {
      kind: input.kind,
      request: displayRequest(input.kind, input.query_params),
      pages: listing.pages,
      items: listing.items,
      truncated: listing.complete || listing.problem ? null : `The first ${count(listing.items)} items (${listing.pages.length} ${listing.pages.length === 1 ? "page" : "pages"}): a preview reads at most ${count(PREVIEW_MAX_ITEMS)}.`,
      parents: null,
      problem: listing.problem,
      notes,
      fetchedAt: new Date().toISOString(),
    };
  }

  const param = params[0]!;
  if (!input.parent || input.parent.param !== param) {
    throw new AppError("invalid_request", `kind ${input.kind} needs the values of {${param}}: send parent.param "${param}" and parent.values.`, {
      status: 400,
      location: { path: "parent" },
      hint: "The page reads them from path_parameters' discovery listing first.",
    });
  }
  const placeholder = `{${param}}`;
  const pages: PreviewPage[] = [];
  const perParent: NonNullable<PreviewSample["parents"]>["perParent"] = [];
  let items = 0;
  let problem: PreviewSampleProblem | null = null;
  for (const value of input.parent.values) {
    if (items >= PREVIEW_MAX_NESTED_ITEMS || signal?.aborted) break;
    // Ocean does not URL-encode the value; the builder does (an id with "/" must stay one segment).
    const path = input.kind.split(placeholder).join(encodeURIComponent(value));
    const listing = await readListing(client, path, { query: input.query_params, headers, room: PREVIEW_MAX_NESTED_ITEMS - items, pathParams: { [param]: value }, signal });
    pages.push(...listing.pages);
    items += listing.items;
    perParent.push({ value, items: listing.items, complete: listing.complete });
    if (listing.problem) {
      problem = listing.problem;
      break;
    }
  }
  const cut = perParent.filter((p) => !p.complete).length;
  const truncated =
    problem === null && (cut > 0 || perParent.length < input.parent.values.length)
      ? `${count(items)} items over ${perParent.length} parents; ${cut > 0 ? `${cut} listing${cut === 1 ? " was" : "s were"} cut` : "some parents were not read"}: a preview reads at most ${count(PREVIEW_MAX_NESTED_ITEMS)} items.`
      : null;
  return {
    kind: input.kind,
    request: displayRequest(input.kind, input.query_params),
    pages,
    items,
    truncated,
    parents: { param, sampled: perParent.length, total: input.parent.total, perParent },
    problem,
    notes,
    fetchedAt: new Date().toISOString(),
  };
}
