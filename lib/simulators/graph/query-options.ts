/**
 * The query string of a Graph request, read once and in linear time: OData system query
 * options by their canonical name (case-insensitive, `$` optional as on v1.0), each at most
 * once and of bounded length, with Graph's 400 for anything else. Every later step
 * (parsing `$filter`, `$search`, ...) works on these bounded values, so no input can make a
 * request cost more than a small multiple of the URL limit.
 */
import { badRequest } from "./responses";

/** Longest request target (path and query) served, in `$batch` too: Node's own header limit for the top-level request. */
export const MAX_URL_LENGTH = 16_384;
/** Longest value of one query option: room for a filter on 50 ids or a `$select` of every property. */
export const MAX_OPTION_LENGTH = 4_096;

export const SYSTEM_OPTIONS = ["select", "top", "filter", "count", "expand", "search", "orderby", "skiptoken", "deltatoken", "skip", "format"] as const;
export type SystemOption = (typeof SYSTEM_OPTIONS)[number];
const SYSTEM_OPTION_SET: ReadonlySet<string> = new Set(SYSTEM_OPTIONS);

export interface RequestQuery {
  /** System query options by canonical name (`top` for `$top`, `$TOP` or `top`). */
  options: ReadonlyMap<SystemOption, string>;
  /** Every parameter as given (decoded), in order: what a nextLink repeats. */
  entries: ReadonlyArray<readonly [name: string, value: string, option: SystemOption | null]>;
}

const decode = (text: string, what: string): string => {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw badRequest(`Bad Request - Invalid URL: ${what} has a broken percent-encoding.`);
  }
};

/** Which system option a parameter name is, or null for a custom parameter (ignored, like Graph). */
function optionOf(name: string): SystemOption | null {
  const lower = name.toLowerCase();
  if (lower.startsWith("$")) {
    const bare = lower.slice(1);
    if (!SYSTEM_OPTION_SET.has(bare)) throw badRequest(`Query option '${name}' is not allowed. Make sure that the query option is supported.`);
    return bare as SystemOption;
  }
  return SYSTEM_OPTION_SET.has(lower) ? (lower as SystemOption) : null;
}

/** Answers Graph's 400 for a request target past the URL limit, before anything reads it. */
export function checkUrlLength(url: URL): void {
  const length = url.pathname.length + url.search.length;
  if (length > MAX_URL_LENGTH) {
    throw badRequest(`Bad Request - Request Too Long: the URL is ${length} characters long; the demo tenant accepts at most ${MAX_URL_LENGTH}.`);
  }
}

/** Reads `url.search` once: one pass over `&`-separated parts, each decoded once. */
export function readRequestQuery(url: URL): RequestQuery {
  const options = new Map<SystemOption, string>();
  const entries: Array<readonly [string, string, SystemOption | null]> = [];
  const search = url.search.slice(1);
  if (search === "") return { options, entries };
  for (const part of search.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    if (rawName.length > 64) throw badRequest(`Bad Request - Invalid URL: a query parameter name is ${rawName.length} characters long; at most 64 are accepted.`);
    const name = decode(rawName, `the query parameter name '${rawName}'`);
    // Decoding is linear and the whole URL is bounded; the bound is on what later steps parse.
    const value = decode(rawValue, `the value of the query option '${name}'`);
    if (value.length > MAX_OPTION_LENGTH) {
      throw badRequest(`The query option '${name}' is ${value.length} characters long; the demo tenant accepts at most ${MAX_OPTION_LENGTH} characters per query option.`);
    }
    const option = optionOf(name);
    if (option !== null) {
      if (options.has(option)) throw badRequest(`Query option '$${option}' was specified more than once, but it must be specified at most once.`);
      options.set(option, value);
    }
    entries.push([name, value, option]);
  }
  return { options, entries };
}

/** The parameters a nextLink repeats: all but the page token, which it replaces. */
export function repeatedParams(query: RequestQuery): Array<[string, string]> {
  return query.entries.filter(([, , option]) => option !== "skiptoken").map(([name, value]) => [name, value]);
}
