/**
 * Whether a value fits a Port blueprint property (type, format, enum, array items), the
 * way Port checks an entity. One rule set for the demo Port's validation and the mapping
 * lints, so a lint warns about exactly what Port would refuse. Browser-safe (the mapping
 * preview runs in a Web Worker). The string formats are in string-formats.ts.
 */
import { formatProblem } from "./string-formats";

export interface PropertySpec {
  type: string;
  format?: string;
  enum?: unknown[];
  items?: { type?: string; format?: string; enum?: unknown[] };
}

/** Callers (lib/schema) import it from here, next to the rest of Port's value rules. */
export { formatProblem };

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
