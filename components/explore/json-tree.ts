/**
 * A JSON value as the lines of a collapsible tree, for a virtualised view: only expanded
 * nodes contribute their children, so 999 collapsed items are 999 one-line rows, not
 * 999 objects' worth of DOM. Nodes are named by JSON Pointer ("" is the root). Shown text
 * goes through shownText: Graph's values may hide or reorder characters, or be 1 MB long.
 */
import { shownText } from "./visible-text";

export interface JsonRow {
  /** Unique per row (a closing bracket's id ends in "#end"). */
  id: string;
  /** The node's JSON Pointer, what a toggle expands or collapses. */
  pointer: string;
  depth: number;
  /** Property name or array index; null for the root. */
  key: string | null;
  /** open: `{` or `[` of an expanded node; collapsed: a one-line summary; leaf: a scalar; close: `}` or `]`. */
  kind: "open" | "collapsed" | "leaf" | "close";
  text: string;
  /** Objects and arrays with something inside. */
  expandable: boolean;
  /** Children count for objects and arrays. */
  size: number | null;
}

const SUMMARY_CHARS = 140;
/** Shown first in a summary: what names an object in Graph's answers. */
const LEADING_KEYS = ["id", "displayName"];

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function entriesOf(value: Record<string, unknown> | unknown[]): [string, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
}

/** A scalar as JSON, with invisible characters revealed and a long string cut (its length said). */
function scalarText(value: unknown): string {
  return value === undefined ? "undefined" : shownText(JSON.stringify(value));
}

function shortText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.length}]`;
  if (isContainer(value)) return Object.keys(value).length === 0 ? "{}" : "{…}";
  const text = scalarText(value);
  return text.length > 60 ? `${text.slice(0, 59)}…"` : text;
}

/** One line for a collapsed object or array: `{ id: "…", displayName: "…", … }`. */
export function summarize(value: Record<string, unknown> | unknown[], maxChars = SUMMARY_CHARS): string {
  if (Array.isArray(value)) {
    const items = value.length === 1 ? "1 item" : `${value.length.toLocaleString("en-US")} items`;
    return `[ ${items} ]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const ordered = [...LEADING_KEYS.filter((k) => k in value), ...keys.filter((k) => !LEADING_KEYS.includes(k))];
  const parts: string[] = [];
  let length = 4;
  for (const key of ordered) {
    const part = `${shownText(key, 60)}: ${shortText(value[key])}`;
    if (parts.length > 0 && length + part.length + 2 > maxChars) break;
    parts.push(part);
    length += part.length + 2;
  }
  const more = parts.length < ordered.length ? ", …" : "";
  return `{ ${parts.join(", ")}${more} }`;
}

/** The nodes open at first: the root and a collection's `value` (its items stay collapsed). */
export function initialExpanded(): Set<string> {
  return new Set(["", "/value"]);
}

/** The visible rows of `value` given the expanded pointers. */
export function flattenJson(value: unknown, expanded: ReadonlySet<string>): JsonRow[] {
  const rows: JsonRow[] = [];
  const visit = (node: unknown, pointer: string, key: string | null, depth: number) => {
    if (!isContainer(node)) {
      rows.push({ id: pointer, pointer, depth, key, kind: "leaf", text: scalarText(node), expandable: false, size: null });
      return;
    }
    const entries = entriesOf(node);
    const size = entries.length;
    const [open, close] = Array.isArray(node) ? ["[", "]"] : ["{", "}"];
    if (size === 0 || !expanded.has(pointer)) {
      rows.push({ id: pointer, pointer, depth, key, kind: "collapsed", text: size === 0 ? `${open}${close}` : summarize(node), expandable: size > 0, size });
      return;
    }
    rows.push({ id: pointer, pointer, depth, key, kind: "open", text: open, expandable: true, size });
    for (const [childKey, child] of entries) visit(child, childPointer(pointer, childKey), childKey, depth + 1);
    rows.push({ id: `${pointer}#end`, pointer, depth, key: null, kind: "close", text: close, expandable: false, size });
  };
  visit(value, "", null, 0);
  return rows;
}

/** The set with `pointer` flipped (a new set, for React state). */
export function toggled(expanded: ReadonlySet<string>, pointer: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(pointer)) next.delete(pointer);
  else next.add(pointer);
  return next;
}
