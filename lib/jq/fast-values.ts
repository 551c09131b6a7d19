/**
 * What every part of the fast path shares: its outcomes (a value, EMPTY for no output,
 * or a JqRuntimeError with jq's message), NEEDS_JQ, and jq's type names.
 */

/** A fast-path result: a value, or no output at all. */
export const EMPTY: unique symbol = Symbol("jq-empty");
export type FastResult = unknown | typeof EMPTY;

/** Thrown by a fast expression that meets a value it cannot render exactly like jq. */
export const NEEDS_JQ = Object.freeze({ needsJq: true as const });

/** A jq runtime error produced by the fast path, with jq's own message. */
export class JqRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JqRuntimeError";
  }
}

export type FastExpr = (input: unknown) => FastResult;

/** The jq type name of a JSON value, as jq's messages say it. */
export function jqType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "boolean" || t === "number" || t === "string") return t;
  return "object";
}
