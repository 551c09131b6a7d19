/**
 * What the inference keeps per path: the kinds of its values and elements, the formats
 * its strings still fit, how many items hold it (and hold only null), five examples.
 * Constant size per path, whatever the number of items.
 */
import { ExampleSet } from "./examples";
import { kindOf, resolveFieldType, type FieldType } from "./field-types";
import { ALL_FORMATS, decideFormat, hasGuestMarker, refineFormats, type StringFormat } from "./formats";

/** A lone UTF-16 surrogate: JSON.parse accepts one (`"\\ud800"`), jq refuses the whole text. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** ES2024's String.prototype.isWellFormed (Node 20, current browsers), typed by hand: the project's lib is ES2023. */
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

export function hasUnpairedSurrogate(text: string): boolean {
  return isWellFormed ? !isWellFormed.call(text) : UNPAIRED_SURROGATE.test(text);
}

/** What one path looked like over all items, before the kind's default set is applied. */
export interface PathSummary {
  path: string;
  /** The first key of the path (`signInActivity` for `.signInActivity.lastSignInDateTime`); null for `.` and `.[]...`. */
  topKey: string | null;
  type: FieldType;
  format: StringFormat | null;
  /** Items in which the path exists (counted once per item). */
  presentItems: number;
  /** Items in which it exists and every occurrence is null. */
  nullItems: number;
  examples: (string | number | boolean)[];
}

export class PathStats {
  valueKinds = 0;
  itemKinds = 0;
  sawNullItem = false;
  formats = ALL_FORMATS;
  strings = 0;
  guestMarker = false;
  /** Strings holding a lone surrogate. */
  unpaired = 0;
  presentItems = 0;
  nullItems = 0;
  /** Index of the last item this path was seen in, and of the last with a non-null value. */
  lastItem = -1;
  nonNullItem = -1;
  readonly examples = new ExampleSet();

  constructor(
    readonly path: string,
    readonly topKey: string | null,
    readonly lastKey: string | null,
  ) {}

  noteString(value: string): void {
    this.strings += 1;
    if (hasUnpairedSurrogate(value)) this.unpaired += 1;
    this.formats = refineFormats(this.formats, value);
    if (!this.guestMarker && hasGuestMarker(value)) this.guestMarker = true;
  }

  observe(value: unknown): void {
    this.valueKinds |= kindOf(value);
    if (typeof value === "string") this.noteString(value);
    this.examples.offer(value);
    if (!Array.isArray(value)) return;
    for (const element of value) {
      if (element === null) this.sawNullItem = true;
      this.itemKinds |= kindOf(element);
      if (typeof element === "string") this.noteString(element);
      this.examples.offer(element);
    }
  }

  summary(): PathSummary {
    const type = resolveFieldType(this.valueKinds, this.itemKinds, this.sawNullItem);
    const stringly = type === "string" || type === "array<string>";
    return {
      path: this.path,
      topKey: this.topKey,
      type,
      format: stringly && this.strings > 0 ? decideFormat(this.formats, this.lastKey, this.guestMarker) : null,
      presentItems: this.presentItems,
      nullItems: this.nullItems,
      examples: [...this.examples.values],
    };
  }
}
