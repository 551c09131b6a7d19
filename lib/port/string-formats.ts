/**
 * Port's string formats, checked strictly: a value Port would refuse must not pass here
 * (the demo Port would accept what Port refuses, and a lint would stay silent). Each
 * check is exact syntax plus the meaning the syntax cannot express (a real calendar day,
 * a leap second only at 23:59 UTC). Browser-safe: no Node APIs.
 */

/** The lints and the demo Port show this; RFC 3339 is the ISO 8601 profile Port checks. */
const NOT_DATE_TIME = "must be an ISO 8601 date-time";

/** RFC 3339 section 5.6 `date-time`: seconds and an offset are required, `T`/`Z` either case. */
const rfc3339DateTime = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `value` is not an RFC 3339 date-time, or null. `Date.parse` is not used: it rolls
 * 2024-02-30 over to March 1st and accepts forms RFC 3339 does not.
 */
export function dateTimeProblem(value: string): string | null {
  const m = rfc3339DateTime.exec(value);
  if (!m) return `${NOT_DATE_TIME} (RFC 3339: 2024-02-03T04:05:06Z, seconds and offset required)`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `${NOT_DATE_TIME}: there is no month ${m[2]}`;
  if (day < 1 || day > daysInMonth(year, month)) return `${NOT_DATE_TIME}: ${m[1]}-${m[2]} has no day ${m[3]}`;
  if (hour > 23 || minute > 59) return `${NOT_DATE_TIME}: there is no time ${m[4]}:${m[5]}`;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return `${NOT_DATE_TIME}: there is no offset ${m[7]}${m[8]}:${m[9]}`;
  if (second < 60) return null;
  // RFC 3339 5.7: second 60 is a leap second, which only ever follows 23:59 UTC.
  const offsetMinutes = m[7] ? (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  if (second === 60 && utcMinuteOfDay === 23 * 60 + 59) return null;
  return `${NOT_DATE_TIME}: second ${m[6]} exists only as a leap second at 23:59 UTC`;
}

/** RFC 5322 dot-atom local part, then host name labels (no leading/trailing hyphen). */
const email = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** http, https or ftp with `//` and a host, and nothing the URL parser would silently strip. */
const webUrl = /^(?:https?|ftp):\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

function isUrl(value: string): boolean {
  // The URL parser trims spaces and drops tabs and newlines anywhere: check the raw text first.
  return webUrl.test(value) && !/[\u0000-\u001f\u007f]/.test(value) && URL.canParse(value);
}

function isIPv6(value: string): boolean {
  // Only hex digits, colons and (for an embedded IPv4 tail) dots: the URL parser would
  // otherwise drop a tab or newline inside the literal and accept it.
  return /^[0-9A-Fa-f:.]+$/.test(value) && value.includes(":") && URL.canParse(`http://[${value}]/`);
}

/** A reason the string does not match the format, or null. Unknown formats accept any string. */
export function formatProblem(format: string | undefined, value: string): string | null {
  switch (format) {
    case "date-time":
      return dateTimeProblem(value);
    case "email":
      return email.test(value) ? null : "must be an email address";
    case "url":
      return isUrl(value) ? null : "must be a URL (http, https or ftp, with a host)";
    case "uuid":
      return uuid.test(value) ? null : "must be a UUID";
    case "ipv4":
      return ipv4.test(value) ? null : "must be an IPv4 address";
    case "ipv6":
      return isIPv6(value) ? null : "must be an IPv6 address";
    default:
      return null;
  }
}
