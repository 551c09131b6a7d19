/**
 * The Port string format a field's values share, decided over EVERY non-null string the
 * field holds (one value that does not fit and the field has no format), so a blueprint
 * generated with that format accepts the whole sample. The checks are Port's own value
 * rules (lib/port/property-values.ts: RFC 3339 date-times, dot-atom emails, web URLs),
 * the ones the demo Port and the mapping lints apply.
 *
 * `upn` is not a Port format: it marks user principal names (`ann@contoso.com`, guests'
 * `ann_fabrikam.com#EXT#@contoso.onmicrosoft.com`). Port's email rule accepts both
 * (`#` is valid in an address), but they are sign-in names, not mailboxes: a blueprint
 * keeps them as plain strings.
 */
import { formatProblem } from "../port/property-values";

export type StringFormat = "date-time" | "uuid" | "email" | "url" | "upn";

/** Candidate formats as bits: a field starts with all of them and loses each a value refutes. */
export const FORMAT = { "date-time": 1, uuid: 2, email: 4, url: 8, upn: 16 } as const;
export const ALL_FORMATS = 31;

/** Longer strings have no format (and are never run through the patterns). */
const MAX_FORMATTED_LENGTH = 4096;

/** `name@domain.tld` without spaces: the shape of a user principal name. */
const PRINCIPAL_NAME = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GUEST_MARKER = "#EXT#@";

const portAccepts = (format: string) => (value: string) => formatProblem(format, value) === null;

const CHECKS: readonly [number, (value: string) => boolean][] = [
  [FORMAT["date-time"], portAccepts("date-time")],
  [FORMAT.uuid, portAccepts("uuid")],
  [FORMAT.email, portAccepts("email")],
  [FORMAT.url, portAccepts("url")],
  [FORMAT.upn, (v) => PRINCIPAL_NAME.test(v)],
];

/** The candidates of `mask` that `value` keeps (only the surviving ones are tested). */
export function refineFormats(mask: number, value: string): number {
  if (mask === 0) return 0;
  if (value.length > MAX_FORMATTED_LENGTH) return 0;
  let out = mask;
  for (const [bit, check] of CHECKS) if (out & bit && !check(value)) out &= ~bit;
  return out;
}

export function hasGuestMarker(value: string): boolean {
  return value.includes(GUEST_MARKER);
}

/**
 * The format of a field whose strings kept the candidates `mask`. `upn` wins over `email`
 * for a key named like a principal name (`userPrincipalName`, `onPremisesUserPrincipalName`)
 * or when any value carries a guest's `#EXT#@`.
 */
export function decideFormat(mask: number, lastKey: string | null, sawGuestMarker: boolean): StringFormat | null {
  if (mask & FORMAT["date-time"]) return "date-time";
  if (mask & FORMAT.uuid) return "uuid";
  const principalKey = lastKey !== null && /principalname$/i.test(lastKey);
  if (mask & FORMAT.upn && (principalKey || sawGuestMarker)) return "upn";
  if (mask & FORMAT.email) return "email";
  if (mask & FORMAT.url) return "url";
  return null;
}
