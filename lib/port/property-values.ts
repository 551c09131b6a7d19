/**
 * Whether a value fits a Port blueprint property (type, format, enum, array items), the
 * way Port checks an entity. One rule set for the demo Port's validation and the mapping
 * lints, so a lint warns about exactly what Port would refuse. Browser-safe (the mapping
 * preview runs in a Web Worker).
 */
export interface PropertySpec {
  type: string;
  format?: string;
  enum?: unknown[];
  items?: { type?: string; format?: string; enum?: unknown[] };
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(value: string): boolean {
  // The URL parser validates bracketed IPv6 literals; a zone id or brackets are not allowed here.
  return value.includes(":") && !/[[\]%/]/.test(value) && URL.canParse(`http://[${value}]/`);
}

/** A reason the string does not match the format, or null. Unknown formats accept any string. */
export function formatProblem(format: string | undefined, value: string): string | null {
  switch (format) {
    case "date-time":
      return isoDateTime.test(value) && !Number.isNaN(Date.parse(value)) ? null : "must be an ISO 8601 date-time";
    case "email":
      return email.test(value) ? null : "must be an email address";
    case "url":
      return URL.canParse(value) ? null : "must be a URL";
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

function enumProblem(allowed: unknown[] | undefined, value: unknown): string | null {
  if (!allowed || allowed.includes(value)) return null;
  return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
}

/**
 * A reason `value` does not fit `spec` ("must be a boolean", "must be an email address"),
 * or null. null itself fits (it clears the property); `required` is the caller's check.
 */
export function propertyValueProblem(spec: PropertySpec, value: unknown): string | null {
  return value === null ? null : typeProblem(spec, value);
}

function typeProblem(spec: PropertySpec, value: unknown): string | null {
  switch (spec.type) {
    case "string":
      if (typeof value !== "string") return "must be a string";
      return formatProblem(spec.format, value) ?? enumProblem(spec.enum, value);
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      return enumProblem(spec.enum, value);
    case "boolean":
      return typeof value === "boolean" ? null : "must be a boolean";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) ? null : "must be an object";
    case "array": {
      if (!Array.isArray(value)) return "must be an array";
      const items = spec.items;
      if (!items?.type) return null;
      for (const [i, item] of value.entries()) {
        const problem = typeProblem({ type: items.type, format: items.format, enum: items.enum }, item);
        if (problem) return `item ${i} ${problem}`;
      }
      return null;
    }
    default:
      return null;
  }
}
