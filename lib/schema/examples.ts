/**
 * Up to five distinct example values per field, kept short: the field table shows them,
 * and a 10 MB string in a sample must not be copied into the result.
 */

export const MAX_EXAMPLES = 5;
export const MAX_EXAMPLE_LENGTH = 80;

export type ExampleValue = string | number | boolean;

/** A string cut to `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncateExample(value: string, max = MAX_EXAMPLE_LENGTH): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return `${value.slice(0, end)}…`;
}

/** Collects distinct scalar examples; memory stays bounded by MAX_EXAMPLES. */
export class ExampleSet {
  readonly values: ExampleValue[] = [];
  private readonly seen = new Set<string>();

  /** Offers a value; objects, arrays and null are not examples (their fields or null % say more). */
  offer(value: unknown): void {
    if (this.values.length >= MAX_EXAMPLES) return;
    let example: ExampleValue;
    if (typeof value === "string") example = truncateExample(value);
    else if (typeof value === "number" || typeof value === "boolean") example = value;
    else return;
    const key = `${typeof example}:${String(example)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.values.push(example);
  }
}
