/**
 * Field inference over ALL sampled items: path, type, Port format, presence, nulls,
 * examples, and whether Graph returns the property without `$select`.
 *
 *   const inference = createFieldInference({ kind: "/users" });
 *   for (const body of pages) inference.addBody(body);   // or .addItem(item), one at a time
 *   const { items, fields, notes } = inference.result();
 *
 * `presence` and `nulls` are fractions (0..1) of all items: `presence` where the key
 * exists, `nulls` where it exists and is null. A property absent because it was not
 * selected therefore shows low presence (and `inDefaultSet: false` says why), while one
 * Graph returns as null shows presence with nulls.
 */
import { FieldAccumulator, type AccumulatorLimits, type LimitNote, type PathSummary } from "./accumulator";
import type { ExampleValue } from "./examples";
import type { FieldType } from "./field-types";
import type { StringFormat } from "./formats";
import { inDefaultSet } from "./default-set";
import { itemsOfBody, kindFromContext } from "./graph-samples";

export interface InferredField {
  /** jq path: `.id`, `.signInActivity.lastSignInDateTime`, `.passwordCredentials[].endDateTime`, `."@odata.type"`. */
  path: string;
  type: FieldType;
  /** Port format the strings share (`upn` marks user principal names, a plain string in Port); null for none. */
  format: StringFormat | null;
  /** Share of items in which the key exists, 0..1. */
  presence: number;
  /** Share of items in which the key exists and is null, 0..1 (never above presence). */
  nulls: number;
  /** Up to five distinct values (for arrays: their elements), long strings cut. */
  examples: ExampleValue[];
  /** Whether Graph returns the top-level property without `$select`; null when unknown for the kind. */
  inDefaultSet: boolean | null;
}

export interface InferenceResult {
  items: number;
  /** The resource kind used for `inDefaultSet` (given, or read from `@odata.context`). */
  kind: string | null;
  /** Sorted by path. */
  fields: InferredField[];
  /** What the depth and path limits left out, if anything. */
  notes: LimitNote[];
}

export interface InferenceOptions extends AccumulatorLimits {
  /** Resource kind (`/users`); when absent, the first body's `@odata.context` decides. */
  kind?: string | null;
}

export interface FieldInference {
  /** One item (a Graph object). */
  addItem(item: unknown): void;
  /** One sampled body: a Graph page, an array of items or one object. `where` names it in errors. */
  addBody(body: unknown, where?: string): void;
  readonly items: number;
  result(): InferenceResult;
}

function toField(summary: PathSummary, items: number, kind: string | null): InferredField {
  return {
    path: summary.path,
    type: summary.type,
    format: summary.format,
    presence: items === 0 ? 0 : summary.presentItems / items,
    nulls: items === 0 ? 0 : summary.nullItems / items,
    examples: summary.examples,
    inDefaultSet: summary.topKey === null ? null : inDefaultSet(kind, summary.topKey),
  };
}

export function createFieldInference(options: InferenceOptions = {}): FieldInference {
  const accumulator = new FieldAccumulator(options);
  let kind = options.kind ?? null;
  let bodies = 0;
  return {
    addItem: (item) => accumulator.add(item),
    addBody(body, where) {
      bodies += 1;
      const items = itemsOfBody(body, where ?? `sample ${bodies}`);
      if (kind === null && typeof body === "object" && body !== null && !Array.isArray(body)) {
        kind = kindFromContext((body as Record<string, unknown>)["@odata.context"]);
      }
      for (const item of items) accumulator.add(item);
    },
    get items() {
      return accumulator.items;
    },
    result() {
      const items = accumulator.items;
      return { items, kind, fields: accumulator.summaries().map((s) => toField(s, items, kind)), notes: accumulator.notes() };
    },
  };
}

/** Infers the fields of `items` (any iterable, consumed once). */
export function inferFields(items: Iterable<unknown>, options: InferenceOptions = {}): InferenceResult {
  const inference = createFieldInference(options);
  for (const item of items) inference.addItem(item);
  return inference.result();
}
