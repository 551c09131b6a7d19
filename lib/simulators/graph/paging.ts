/**
 * Pages of a collection: opaque `$skiptoken`s that encode a scan position, and
 * nextLinks that repeat the original query. Collections are scanned lazily, so a page
 * of 999 out of 300,000 users generates about 999 users.
 *
 * Tokens are signed (HMAC-SHA256, a key per simulator instance) and bound to the list
 * they page (the scope): a forged, garbled or transplanted token is refused before its
 * state is read, so the state inside never needs defending against hostile values.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { SimError } from "./responses";

const PREFIX = "RFNwdAIA"; // what real Graph skiptokens start with; the rest is ours.

export class PageTokens {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  private mac(scope: string, payload: string): Buffer {
    return createHmac("sha256", this.key).update(scope).update("\n").update(payload).digest();
  }

  /** `RFNwdAIA` + base64url(JSON state) + `.` + base64url(MAC of scope and state). */
  seal(scope: string, state: unknown): string {
    const payload = Buffer.from(JSON.stringify(state)).toString("base64url");
    return `${PREFIX}${payload}.${this.mac(scope, payload).toString("base64url")}`;
  }

  /** The state of a token this instance sealed for `scope` that passes `valid`, else null. */
  open<T>(scope: string, token: string, valid: (v: unknown) => v is T): T | null {
    if (!token.startsWith(PREFIX)) return null;
    const dot = token.indexOf(".", PREFIX.length);
    if (dot < 0) return null;
    const payload = token.slice(PREFIX.length, dot);
    const given = Buffer.from(token.slice(dot + 1), "base64url");
    const expected = this.mac(scope, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      return valid(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Like `open`, with Graph's answer to a page token it cannot use. */
  openPage<T>(scope: string, token: string, valid: (v: unknown) => v is T): T {
    const state = this.open(scope, token, valid);
    if (state === null) {
      throw new SimError(400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
    }
    return state;
  }
}

export const isPosition = (v: unknown): v is { p: number } =>
  typeof v === "object" && v !== null && Number.isInteger((v as { p: unknown }).p) && (v as { p: number }).p >= 0;

/** Query string like Graph writes it: `$` kept in keys, values percent-encoded. */
export function queryString(params: Iterable<[string, string]>): string {
  const parts: string[] = [];
  const encode = (text: string) => encodeURIComponent(text).replace(/%24/g, "$").replace(/%2C/g, ",");
  for (const [k, v] of params) parts.push(`${encode(k)}=${encode(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The nextLink: the same query (`repeatedParams`) with the new `$skiptoken`. */
export function nextLink(linkBase: string, params: ReadonlyArray<[string, string]>, token: string): string {
  return linkBase + queryString([...params, ["$skiptoken", token]]);
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
