/**
 * The streaming half of field inference: items go in one at a time and only per-path
 * statistics stay (kinds, candidate formats, counts, at most five examples), so a sample of
 * 5,000 items or a long page stream costs memory in proportion to its distinct paths, not
 * to its items. Items are walked with an explicit stack: a 1,000-deep object cannot
 * overflow the call stack, and the walk stops at `maxDepth` levels and `maxPaths` paths,
 * each cut counted in a note.
 */
import { ExampleSet } from "./examples";
import { KIND, kindOf, resolveFieldType, type FieldType } from "./field-types";
import { ALL_FORMATS, decideFormat, hasGuestMarker, refineFormats, type StringFormat } from "./formats";
import { eachPath, keyPath, ROOT_PATH } from "./paths";

export const DEFAULT_MAX_DEPTH = 8;
export const DEFAULT_MAX_PATHS = 2000;

export interface AccumulatorLimits {
  /** Path segments (keys and `[]`) inspected below an item; deeper values are counted, not read. */
  maxDepth?: number;
  /** Distinct paths kept; values at further paths are counted, not read. */
  maxPaths?: number;
}

export type LimitNoteCode = "depth_limit" | "path_limit" | "unpaired_surrogate";

/** What the walk left out or could not vouch for. */
export interface LimitNote {
  code: LimitNoteCode;
  /** How many values (or keys) it concerns. */
  count: number;
  /** The first path concerned. */
  path: string;
  message: string;
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

class PathStats {
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

interface Frame {
  value: unknown;
  path: string;
  depth: number;
  /** Element objects of arrays are not fields themselves: `.x` says array<object>, their keys are `.x[].key`. */
  record: boolean;
  topKey: string | null;
  lastKey: string | null;
}

/** A lone UTF-16 surrogate: JSON.parse accepts one (`"\\ud800"`), jq refuses the whole text. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnpairedSurrogate(text: string): boolean {
  return UNPAIRED_SURROGATE.test(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class FieldAccumulator {
  private readonly stats = new Map<string, PathStats>();
  private readonly cuts = new Map<LimitNoteCode, { count: number; path: string }>();
  private readonly maxDepth: number;
  private readonly maxPaths: number;
  private itemCount = 0;

  constructor(limits: AccumulatorLimits = {}) {
    this.maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxPaths = limits.maxPaths ?? DEFAULT_MAX_PATHS;
  }

  get items(): number {
    return this.itemCount;
  }

  /** Distinct paths tracked so far (at most `maxPaths`). */
  get pathCount(): number {
    return this.stats.size;
  }

  /** Feeds one item (normally a Graph object). */
  add(item: unknown): void {
    const index = this.itemCount++;
    const touched: PathStats[] = [];
    const stack: Frame[] = [];
    if (isPlainObject(item)) this.pushKeys(stack, item, ROOT_PATH, 0, null);
    else stack.push({ value: item, path: ROOT_PATH, depth: 0, record: true, topKey: null, lastKey: null });

    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      const { value, path, depth } = frame;
      if (frame.record) {
        const stats = this.statsFor(frame);
        if (!stats) continue;
        if (stats.lastItem !== index) {
          stats.lastItem = index;
          touched.push(stats);
        }
        if (value !== null) stats.nonNullItem = index;
        stats.observe(value);
      }
      if (isPlainObject(value)) {
        this.pushKeys(stack, value, path, depth, frame.topKey);
      } else if (Array.isArray(value)) {
        const childPath = eachPath(path);
        for (let i = value.length - 1; i >= 0; i--) {
          const element: unknown = value[i];
          if (kindOf(element) & (KIND.object | KIND.array)) {
            if (depth + 1 > this.maxDepth) this.cut("depth_limit", childPath);
            else stack.push({ value: element, path: childPath, depth: depth + 1, record: Array.isArray(element), topKey: frame.topKey, lastKey: null });
          }
        }
      }
    }

    for (const stats of touched) {
      stats.presentItems += 1;
      if (stats.nonNullItem !== index) stats.nullItems += 1;
    }
  }

  /** Summaries of every path, sorted by path (code-unit order, the same everywhere). */
  summaries(): PathSummary[] {
    return [...this.stats.values()].map((s) => s.summary()).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  notes(): LimitNote[] {
    const out: LimitNote[] = [];
    const depth = this.cuts.get("depth_limit");
    if (depth) {
      out.push({
        ...depth,
        code: "depth_limit",
        message: `${depth.count} value(s) nested deeper than ${this.maxDepth} levels were not inspected (first under ${depth.path})`,
      });
    }
    const unpairedKeys = this.cuts.get("unpaired_surrogate");
    const unpairedValues = [...this.stats.values()].filter((s) => s.unpaired > 0).sort((a, b) => (a.path < b.path ? -1 : 1));
    const unpaired = unpairedValues.reduce((n, s) => n + s.unpaired, unpairedKeys?.count ?? 0);
    if (unpaired > 0) {
      const path = [unpairedKeys?.path, unpairedValues[0]?.path].filter((p) => p !== undefined).sort()[0]!;
      out.push({
        code: "unpaired_surrogate",
        count: unpaired,
        path,
        message: `${unpaired} key(s) or string(s) hold an unpaired UTF-16 surrogate (first at ${path}): jq, and so the mapping, refuses an item with one`,
      });
    }
    const paths = this.cuts.get("path_limit");
    if (paths) {
      out.push({
        ...paths,
        code: "path_limit",
        message: `the sample has more than ${this.maxPaths} distinct paths: ${paths.count} value(s) at further paths were left out (first ${paths.path})`,
      });
    }
    return out;
  }

  private pushKeys(stack: Frame[], object: Record<string, unknown>, path: string, depth: number, topKey: string | null): void {
    const keys = Object.keys(object);
    if (keys.length === 0) return;
    if (depth + 1 > this.maxDepth) {
      this.cut("depth_limit", path);
      return;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (hasUnpairedSurrogate(key)) this.cut("unpaired_surrogate", keyPath(path, key));
      stack.push({ value: object[key], path: keyPath(path, key), depth: depth + 1, record: true, topKey: path === ROOT_PATH ? key : topKey, lastKey: key });
    }
  }

  private statsFor(frame: Frame): PathStats | null {
    const known = this.stats.get(frame.path);
    if (known) return known;
    if (this.stats.size >= this.maxPaths) {
      this.cut("path_limit", frame.path);
      return null;
    }
    const created = new PathStats(frame.path, frame.topKey, frame.lastKey);
    this.stats.set(frame.path, created);
    return created;
  }

  private cut(code: LimitNoteCode, path: string): void {
    const cut = this.cuts.get(code);
    if (cut) cut.count += 1;
    else this.cuts.set(code, { count: 1, path });
  }
}
