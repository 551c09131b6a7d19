/**
 * Pages of a collection: opaque `$skiptoken`s that encode a scan position, and
 * nextLinks that repeat the original query. Collections are scanned lazily, so a page
 * of 999 out of 300,000 users generates about 999 users.
 */
import { SimError } from "./responses";

const PREFIX = "RFNwdAIA"; // what real Graph skiptokens start with; the rest is ours.

export function encodeToken(state: unknown): string {
  return PREFIX + Buffer.from(JSON.stringify(state)).toString("base64url");
}

export function decodeToken<T>(token: string, valid: (v: unknown) => v is T): T {
  const expired = new SimError(400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
  if (!token.startsWith(PREFIX)) throw expired;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw expired;
  }
  if (!valid(value)) throw expired;
  return value;
}

export const isPosition = (v: unknown): v is { p: number } =>
  typeof v === "object" && v !== null && Number.isInteger((v as { p: unknown }).p) && (v as { p: number }).p >= 0;

/** Query string like Graph writes it: `$` kept in keys, values percent-encoded. */
export function queryString(params: Iterable<[string, string]>): string {
  const parts: string[] = [];
  for (const [k, v] of params) parts.push(`${k}=${encodeURIComponent(v).replace(/%24/g, "$").replace(/%2C/g, ",")}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The nextLink: the same URL and query with `$skiptoken` replaced. */
export function nextLink(linkBase: string, url: URL, token: string): string {
  const params = [...url.searchParams].filter(([k]) => k !== "$skiptoken" && k !== "skiptoken");
  params.push(["$skiptoken", token]);
  return linkBase + queryString(params);
}

export interface ScanResult<T> {
  items: T[];
  /** Position to continue from, or null at the end. */
  next: number | null;
}

/**
 * Positions one page may visit. Like Graph, a filtered scan of a large set stops after a
 * bounded amount of work and answers a short (even empty) page that still has a nextLink:
 * the cost of a page stays proportional to the page, and clients must follow such links.
 */
export function scanBudget(pageSize: number): number {
  return Math.max(10_000, pageSize * 10);
}

/**
 * Reads positions from `start` until `pageSize` items matched, `budget` positions were
 * visited, or the end. `itemAt` returns null for a position to skip (deleted, filtered out).
 */
export function scan<T>(size: number, start: number, pageSize: number, itemAt: (pos: number) => T | null, budget = Infinity): ScanResult<T> {
  const items: T[] = [];
  let pos = start;
  while (pos < size && items.length < pageSize && pos - start < budget) {
    const item = itemAt(pos++);
    if (item !== null) items.push(item);
  }
  return { items, next: pos < size ? pos : null };
}
