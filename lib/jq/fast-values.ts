/**
 * What every part of the fast path shares: its outcomes (a value, EMPTY for no output,
 * or a JqRuntimeError with jq's message), NEEDS_JQ, jq's type names and the messages of
 * the errors several steps raise.
 */
import { dumpForMessage } from "./jq-dump";

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

/** jq's `Cannot index <type> with <type> (<key>)`; NEEDS_JQ where JS cannot show the key as jq does. */
export function cannotIndex(v: unknown, key: string | number): JqRuntimeError {
  const shown = dumpForMessage(key);
  if (shown === null) throw NEEDS_JQ;
  return new JqRuntimeError(`Cannot index ${jqType(v)} with ${typeof key} (${shown})`);
}

/** jq's `Cannot iterate over <type> (<value>)`; NEEDS_JQ where JS cannot show the value as jq does. */
export function cannotIterate(v: unknown): JqRuntimeError {
  const shown = dumpForMessage(v);
  if (shown === null) throw NEEDS_JQ;
  return new JqRuntimeError(`Cannot iterate over ${jqType(v)} (${shown})`);
}
