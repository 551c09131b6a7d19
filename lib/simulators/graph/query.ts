/**
 * OData query options as Graph reads them: `$select`, `$top`, `$filter`, `$count`,
 * `$expand`, `$search`, `$orderby`, `$skiptoken`, with Graph's validation messages and
 * its rule that advanced queries need `ConsistencyLevel: eventual` (plus `$count=true`
 * for filters).
 */
import { parseFilter, type FilterNode } from "./filter";
import { ADVANCED_QUERY_HINT, badRequest, unsupportedQuery } from "./responses";

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
}

const KNOWN = new Set(["select", "top", "filter", "count", "expand", "search", "orderby", "skiptoken", "deltatoken", "skip", "format"]);

/** Graph accepts `$select` and (on v1.0) `select`; the `$` form wins. */
function option(params: URLSearchParams, name: string): string | null {
  return params.get(`$${name}`) ?? params.get(name);
}

function parseSelect(raw: string | null, target: QueryTarget): string[] | null {
  if (raw === null || raw.trim() === "") return null;
  const props = raw.split(",").map((p) => p.trim()).filter(Boolean);
  for (const p of props) {
    if (p !== "*" && !target.properties.includes(p)) throw badRequest(`Could not find a property named '${p}' on type '${target.typeName}'.`);
  }
  return props.includes("*") ? [...target.properties] : props;
}

export function parseQuery(url: URL, headers: Headers, target: QueryTarget): QueryOptions {
  const params = url.searchParams;
  for (const key of params.keys()) {
    if (key.startsWith("$") && !KNOWN.has(key.slice(1).toLowerCase())) throw badRequest(`Query option '${key}' is not allowed. Make sure that the query option is supported.`);
  }
  const eventual = (headers.get("consistencylevel") ?? "").toLowerCase() === "eventual";
  const countRaw = option(params, "count");
  if (countRaw !== null && countRaw !== "true" && countRaw !== "false") throw badRequest(`Invalid value '${countRaw}' for $count; use true or false.`);
  const advanced = eventual && countRaw === "true";

  if (option(params, "skip") !== null) throw unsupportedQuery("'$skip' is not supported by the service.");

  const topRaw = option(params, "top");
  let top: number | null = null;
  if (topRaw !== null) {
    if (target.delta) throw unsupportedQuery("The $top query parameter is not supported with delta queries; use the Prefer: odata.maxpagesize header.");
    const n = Number(topRaw);
    if (!/^\d+$/.test(topRaw.trim()) || n < 1 || n > 999) {
      throw unsupportedQuery(`Invalid page size specified: '${topRaw}'. Must be between 1 and 999 inclusive.`);
    }
    top = n;
  }

  const select = parseSelect(option(params, "select"), target);

  const filterRaw = option(params, "filter");
  const filter =
    filterRaw === null || filterRaw.trim() === ""
      ? null
      : parseFilter(filterRaw, {
          typeName: target.typeName,
          advanced,
          isProperty: (path) => target.properties.includes(path[0]!),
        });

  const expandRaw = option(params, "expand");
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

  const searchRaw = option(params, "search");
  let search: QueryOptions["search"] = null;
  if (searchRaw !== null && searchRaw.trim() !== "") {
    if (!eventual) {
      throw unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    search = searchRaw.split(/\s+(?:AND|OR)\s+/).map((clause) => {
      const m = /^"([^":]+):([^"]*)"$/.exec(clause.trim());
      if (!m) throw badRequest(`Syntax error: the $search clause ${clause} must look like "property:value".`);
      if (!target.properties.includes(m[1]!)) throw badRequest(`Could not find a property named '${m[1]}' on type '${target.typeName}'.`);
      return { property: m[1]!, term: m[2]!.toLowerCase() };
    });
  }

  const orderRaw = option(params, "orderby");
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
    skiptoken: option(params, "skiptoken"),
    deltatoken: option(params, "deltatoken"),
  };
}

export function matchesSearch(search: NonNullable<QueryOptions["search"]>, obj: Record<string, unknown>): boolean {
  return search.every(({ property, term }) => {
    const v = obj[property];
    if (typeof v !== "string") return false;
    return v.toLowerCase().split(/[\s.@_\-()]+/).some((word) => word.startsWith(term)) || v.toLowerCase().startsWith(term);
  });
}
