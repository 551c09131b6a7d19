/**
 * Paginator: follows `@odata.nextLink` verbatim until a page has none, yielding each
 * page as it arrives (nothing keeps earlier pages). Guards: a nextLink must stay on the
 * Graph origin, the same link twice is a loop, and a page cap ends runaway listings.
 * Stopping early on a guard is an error, never a quiet end: a truncated listing must not
 * look complete to the sync (which would delete what it did not see).
 */
import { GraphError, type GraphResponse } from "./errors";
import type { RecordSelector } from "./record-selector";

export interface GraphPage<T = unknown> {
  /** 1-based. */
  pageNumber: number;
  items: T[];
  /** Items in this page and all before it. */
  itemsSoFar: number;
  nextLink: string | null;
  /** Present on the last page of a delta round. */
  deltaLink: string | null;
  /** `@odata.count` (first page, advanced queries only). */
  count: number | null;
  response: GraphResponse;
}

export interface PaginateOptions {
  maxPages: number;
  selector: RecordSelector;
  /** Key of the next link in the body (Ocean's nextLinkPath); default `@odata.nextLink`. */
  nextLinkKey?: string;
  signal?: AbortSignal;
}

function linkOf(body: unknown, key: string): string | null {
  if (body === null || typeof body !== "object") return null;
  const v = (body as Record<string, unknown>)[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

export async function* paginate<T = unknown>(
  first: () => Promise<GraphResponse>,
  follow: (link: string) => Promise<GraphResponse>,
  options: PaginateOptions,
): AsyncGenerator<GraphPage<T>, void, undefined> {
  const key = options.nextLinkKey ?? "@odata.nextLink";
  // Links only (a few hundred bytes each), never pages: enough to see a loop.
  const seen = new Set<string>();
  let itemsSoFar = 0;
  let pageNumber = 0;
  let response = await first();
  for (;;) {
    pageNumber += 1;
    const items = options.selector(response.body) as T[];
    itemsSoFar += items.length;
    const nextLink = linkOf(response.body, key);
    const countValue = (response.body as Record<string, unknown> | null)?.["@odata.count"];
    const page: GraphPage<T> = {
      pageNumber,
      items,
      itemsSoFar,
      nextLink,
      deltaLink: linkOf(response.body, "@odata.deltaLink"),
      count: typeof countValue === "number" ? countValue : null,
      response,
    };
    yield page;
    if (!nextLink) return;
    if (seen.has(nextLink)) {
      throw new GraphError("pagination_loop", `Graph returned the same next page link twice (after page ${pageNumber}).`, {
        status: 502, hint: "The listing was stopped to avoid an endless loop; what was read is incomplete. Retry later.",
      });
    }
    seen.add(nextLink);
    if (pageNumber >= options.maxPages) {
      throw new GraphError("page_cap_reached", `Stopped after ${pageNumber} pages (${itemsSoFar} items): the page cap was reached before the last page.`, {
        status: 502, hint: "Raise the page cap or use $top=999 for fewer, larger pages; the listing is incomplete.",
      });
    }
    if (options.signal?.aborted) {
      throw new GraphError("aborted", "The request was cancelled.", { status: 499, hint: "Nothing more was fetched." });
    }
    response = await follow(nextLink);
  }
}
