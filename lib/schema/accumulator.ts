/**
 * The streaming half of field inference: items go in one at a time and only per-path
 * statistics stay (path-stats.ts), so a sample of 5,000 items or a long page stream costs
 * memory in proportion to its distinct paths, not to its items. Paths form a tree looked
 * up key by key (no path string is built per value). Items are walked with an explicit
 * stack: a 1,000-deep object cannot overflow the call stack, and the walk stops at
 * `maxDepth` levels and `maxPaths` paths, each cut counted in a note.
 */
import { KIND, kindOf } from "./field-types";
import { hasUnpairedSurrogate, PathStats, type PathSummary } from "./path-stats";
import { eachPath, keyPath, ROOT_PATH } from "./paths";

export type { PathSummary } from "./path-stats";

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

/** One path in the tree; `stats` exists once a value was recorded there. */
class PathNode {
  stats: PathStats | null = null;
  children: Map<string, PathNode> | null = null;
  /** `path[]`: the elements of arrays found at this path. */
  each: PathNode | null = null;

  constructor(
    readonly path: string,
    readonly topKey: string | null,
    readonly lastKey: string | null,
  ) {}
}

interface Frame {
  value: unknown;
  node: PathNode;
  depth: number;
  /** Element objects of arrays are not fields themselves: `.x` says array<object>, their keys are `.x[].key`. */
  record: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export class FieldAccumulator {
  private readonly root = new PathNode(ROOT_PATH, null, null);
  private readonly recorded: PathStats[] = [];
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
    return this.recorded.length;
  }

  /** Feeds one item (normally a Graph object). */
  add(item: unknown): void {
    const index = this.itemCount++;
    const touched: PathStats[] = [];
    const stack: Frame[] = [];
    if (isPlainObject(item)) this.pushKeys(stack, item, this.root, 0);
    else stack.push({ value: item, node: this.root, depth: 0, record: true });

    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      const { value, node, depth } = frame;
      if (frame.record) {
        const stats = this.statsOf(node);
        if (!stats) continue;
        if (stats.lastItem !== index) {
          stats.lastItem = index;
          touched.push(stats);
        }
        if (value !== null) stats.nonNullItem = index;
        stats.observe(value);
      }
      if (isPlainObject(value)) this.pushKeys(stack, value, node, depth);
      else if (Array.isArray(value)) this.pushElements(stack, value, node, depth);
    }

    for (const stats of touched) {
      stats.presentItems += 1;
      if (stats.nonNullItem !== index) stats.nullItems += 1;
    }
  }

  /** Summaries of every path, sorted by path (code-unit order, the same everywhere). */
  summaries(): PathSummary[] {
    return this.recorded.map((s) => s.summary()).sort(byPath);
  }

  notes(): LimitNote[] {
    const out: LimitNote[] = [];
    const depth = this.cuts.get("depth_limit");
    if (depth) {
      out.push({ ...depth, code: "depth_limit", message: `${depth.count} value(s) nested deeper than ${this.maxDepth} levels were not inspected (first under ${depth.path})` });
    }
    const unpairedKeys = this.cuts.get("unpaired_surrogate");
    const unpairedValues = this.recorded.filter((s) => s.unpaired > 0).sort(byPath);
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

  private pushKeys(stack: Frame[], object: Record<string, unknown>, node: PathNode, depth: number): void {
    const keys = Object.keys(object);
    if (keys.length === 0) return;
    if (depth + 1 > this.maxDepth) {
      this.cut("depth_limit", node.path);
      return;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = this.keyChild(node, key);
      if (child) stack.push({ value: object[key], node: child, depth: depth + 1, record: true });
    }
  }

  private pushElements(stack: Frame[], array: unknown[], node: PathNode, depth: number): void {
    for (let i = array.length - 1; i >= 0; i--) {
      const element: unknown = array[i];
      if (!(kindOf(element) & (KIND.object | KIND.array))) continue; // scalars are summed up in the array's own stats
      node.each ??= new PathNode(eachPath(node.path), node.topKey, null);
      if (depth + 1 > this.maxDepth) this.cut("depth_limit", node.each.path);
      else stack.push({ value: element, node: node.each, depth: depth + 1, record: Array.isArray(element) });
    }
  }

  /** The node of `key` under `node`, created (with its stats) while paths remain; null past `maxPaths`. */
  private keyChild(node: PathNode, key: string): PathNode | null {
    node.children ??= new Map();
    const known = node.children.get(key);
    if (known) return known;
    const path = keyPath(node.path, key);
    if (this.recorded.length >= this.maxPaths) {
      this.cut("path_limit", path);
      return null;
    }
    if (hasUnpairedSurrogate(key)) this.cut("unpaired_surrogate", path);
    const child = new PathNode(path, node === this.root ? key : node.topKey, key);
    node.children.set(key, child);
    this.statsOf(child);
    return child;
  }

  private statsOf(node: PathNode): PathStats | null {
    if (node.stats) return node.stats;
    if (this.recorded.length >= this.maxPaths) {
      this.cut("path_limit", node.path);
      return null;
    }
    node.stats = new PathStats(node.path, node.topKey, node.lastKey);
    this.recorded.push(node.stats);
    return node.stats;
  }

  private cut(code: LimitNoteCode, path: string): void {
    const cut = this.cuts.get(code);
    if (cut) cut.count += 1;
    else this.cuts.set(code, { count: 1, path });
  }
}
