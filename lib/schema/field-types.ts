/**
 * The type of an inferred field, written the way the CLI prints it:
 * `string`, `integer`, `number`, `boolean`, `object`, `array<T>` (`array<string>`,
 * `array<object>`, `array<array>`, `array<mixed>`, `array<unknown>` for arrays that were
 * always empty), `mixed` (values of different types), `null` (only nulls were seen).
 * Integers and other numbers together are `number`; nulls never make a type mixed.
 */

export type ItemType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "mixed" | "null" | "unknown";
export type FieldType = "string" | "integer" | "number" | "boolean" | "object" | "mixed" | "null" | `array<${ItemType}>`;

/** Kinds of non-null JSON values, as bits so a path can collect the kinds it saw. */
export const KIND = { string: 1, integer: 2, number: 4, boolean: 8, object: 16, array: 32 } as const;
export type KindName = keyof typeof KIND;

export function kindOf(value: unknown): number {
  switch (typeof value) {
    case "string":
      return KIND.string;
    case "number":
      return Number.isInteger(value) ? KIND.integer : KIND.number;
    case "boolean":
      return KIND.boolean;
    case "object":
      return value === null ? 0 : Array.isArray(value) ? KIND.array : KIND.object;
    default:
      return 0; // not JSON (undefined, functions): ignored
  }
}

/** The single kind name in `mask` (integer + number count as number), or "mixed"; null when empty. */
function singleKind(mask: number): KindName | "mixed" | null {
  if (mask === 0) return null;
  const merged = mask & KIND.number ? mask & ~KIND.integer : mask;
  const names = (Object.keys(KIND) as KindName[]).filter((k) => merged & KIND[k]);
  return names.length === 1 ? names[0]! : "mixed";
}

/**
 * The field type from the kinds of its values and, for arrays, of their elements.
 * `sawNullItem` tells an array of nulls (`array<null>`) from an always-empty one.
 */
export function resolveFieldType(valueKinds: number, itemKinds: number, sawNullItem: boolean): FieldType {
  const kind = singleKind(valueKinds);
  if (kind === null) return "null";
  if (kind !== "array") return kind;
  const item = singleKind(itemKinds);
  return `array<${item ?? (sawNullItem ? "null" : "unknown")}>`;
}

/** The element type of an array type (`array<string>` -> `string`), or null for other types. */
export function arrayItemType(type: FieldType): ItemType | null {
  const match = /^array<(.+)>$/.exec(type);
  return match ? (match[1] as ItemType) : null;
}

const ITEM_TYPES: readonly string[] = ["string", "integer", "number", "boolean", "object", "array", "mixed", "null", "unknown"];
const PLAIN_TYPES: readonly string[] = ["string", "integer", "number", "boolean", "object", "mixed", "null"];

export function isFieldType(value: unknown): value is FieldType {
  if (typeof value !== "string") return false;
  const item = /^array<(.+)>$/.exec(value)?.[1];
  return item !== undefined ? ITEM_TYPES.includes(item) : PLAIN_TYPES.includes(value);
}
