/**
 * OData query options as Graph reads them: `$select`, `$top`, `$filter`, `$count`,
 * `$expand`, `$search`, `$orderby`, `$skiptoken`, with Graph's validation messages and
 * its rule that advanced queries need `ConsistencyLevel: eventual` (plus `$count=true`
 * for filters).
 */
import { parseFilter, type FilterNode } from "./filter";
import type { RequestQuery } from "./query-options";
import { ADVANCED_QUERY_HINT, badRequest, unsupportedQuery } from "./responses";
import { parseSearch } from "./search";

export interface QueryTarget {
  /** e.g. `microsoft.graph.user`. */
  typeName: string;
  /** Properties valid in `$select` and `$filter`. */
  properties: readonly string[];
  /** Whether `$expand=members` is valid (groups). */
  expandMembers: boolean;
  /** Whether this is a delta request (different rules). */
  delta?: boolean;
}

export interface QueryOptions {
  select: string[] | null;
  top: number | null;
  filter: FilterNode | null;
  /** `$count=true` with the header: add `@odata.count` to the first page. */
  count: boolean;
  expandMembers: { select: string[] | null } | null;
  search: Array<{ property: string; term: string }> | null;
  orderby: { property: string; desc: boolean } | null;
  skiptoken: string | null;
  deltatoken: string | null;
  /** The options that decide a sorted order (`$filter`, `$search`, `$orderby`), as a cache key. */
  orderKey: string;
}

function parseSelect(raw: string | null, target: QueryTarget): string[] | null {
  if (raw === null || raw.trim() === "") return null;
  const props = raw.split(",").map((p) => p.trim()).filter(Boolean);
  for (const p of props) {
    if (p !== "*" && !target.properties.includes(p)) throw badRequest(`Could not find a property named '${p}' on type '${target.typeName}'.`);
  }
  return props.includes("*") ? [...target.properties] : props;
}

export function parseQuery(query: RequestQuery, headers: Headers, target: QueryTarget): QueryOptions {
  const option = (name: Parameters<RequestQuery["options"]["get"]>[0]) => query.options.get(name) ?? null;
  const eventual = (headers.get("consistencylevel") ?? "").toLowerCase() === "eventual";
  const countRaw = option("count");
  if (countRaw !== null && countRaw !== "true" && countRaw !== "false") throw badRequest(`Invalid value '${countRaw}' for $count; use true or false.`);
  const advanced = eventual && countRaw === "true";

  if (option("skip") !== null) throw unsupportedQuery("'$skip' is not supported by the service.");

  const topRaw = option("top");
  let top: number | null = null;
  if (topRaw !== null) {
    if (target.delta) throw unsupportedQuery("The $top query parameter is not supported with delta queries; use the Prefer: odata.maxpagesize header.");
    const n = Number(topRaw);
    if (!/^\d+$/.test(topRaw.trim()) || n < 1 || n > 999) {
      throw unsupportedQuery(`Invalid page size specified: '${topRaw}'. Must be between 1 and 999 inclusive.`);
    }
    top = n;
  }

  const select = parseSelect(option("select"), target);

  const filterRaw = option("filter");
  const filter =
    filterRaw === null || filterRaw.trim() === ""
      ? null
      : parseFilter(filterRaw, {
          typeName: target.typeName,
          advanced,
          isProperty: (path) => target.properties.includes(path[0]!),
        });

  const expandRaw = option("expand");
  let expandMembers: QueryOptions["expandMembers"] = null;
  if (expandRaw !== null && expandRaw.trim() !== "") {
    // Spaces removed first (property names have none): optional-space groups around the
    // punctuation would backtrack quadratically on a long hostile value.
    const m = /^members(?:\(\$select=([^)]*)\))?$/i.exec(expandRaw.replace(/\s+/g, ""));
    if (!m || !target.expandMembers) {
      const name = expandRaw.split("(")[0]!.trim();
      throw badRequest(`Could not find a navigation property named '${name}' on type '${target.typeName}'.`);
    }
    if (eventual) throw unsupportedQuery("$expand is not supported with advanced queries (ConsistencyLevel: eventual). Remove the header or the $expand.");
    expandMembers = { select: m[1] ? m[1].split(",").map((s) => s.trim()).filter(Boolean) : null };
  }

  const searchRaw = option("search");
  let search: QueryOptions["search"] = null;
  if (searchRaw !== null && searchRaw.trim() !== "") {
    if (!eventual) {
      throw unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    search = parseSearch(searchRaw).map(({ property, term }) => {
      if (!target.properties.includes(property)) throw badRequest(`Could not find a property named '${property}' on type '${target.typeName}'.`);
      return { property, term: term.toLowerCase() };
    });
  }

  const orderRaw = option("orderby");
  let orderby: QueryOptions["orderby"] = null;
  if (orderRaw !== null && orderRaw.trim() !== "") {
    const m = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderRaw);
    if (!m || !target.properties.includes(m[1]!)) throw badRequest(`Could not find a property named '${orderRaw.trim().split(/\s/)[0]}' on type '${target.typeName}'.`);
    if ((filter || search) && !advanced) throw unsupportedQuery(`Sorting not supported for current query. ${ADVANCED_QUERY_HINT}`);
    orderby = { property: m[1]!, desc: (m[2] ?? "").toLowerCase() === "desc" };
  }

  return {
    select,
    top,
    filter,
    count: eventual && countRaw === "true",
    expandMembers,
    search,
    orderby,
    skiptoken: option("skiptoken"),
    deltatoken: option("deltatoken"),
    orderKey: [filterRaw, searchRaw, orderRaw].join("\u0000"),
  };
}

export function matchesSearch(search: NonNullable<QueryOptions["search"]>, obj: Record<string, unknown>): boolean {
  return search.every(({ property, term }) => {
    const v = obj[property];
    if (typeof v !== "string") return false;
    return v.toLowerCase().split(/[\s.@_\-()]+/).some((word) => word.startsWith(term)) || v.toLowerCase().startsWith(term);
  });
}
