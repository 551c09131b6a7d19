/**
 * Small, exact edits of a YAML text (the lint fixes): set a scalar, add or remove a key,
 * append a list item, each as a text edit of the smallest range, so the rest of the
 * person's text (comments, quoting, layout) stays as written and Monaco can undo it.
 * Node positions come from the `yaml` library's ranges on the same text.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type Pair } from "yaml";
import type { PathSegment } from "@/lib/mapping";

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class YamlEditor {
  readonly doc: Document;
  constructor(readonly text: string) {
    this.doc = parseDocument(text, { keepSourceTokens: false });
  }

  node(path: readonly PathSegment[]): YamlNode | null {
    const n = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    return n && typeof n === "object" && "range" in n ? (n as YamlNode) : null;
  }

  private pair(path: readonly PathSegment[], key: string): Pair<YamlNode, YamlNode | null> | null {
    const map = this.node(path);
    if (!isMap(map)) return null;
    const p = map.items.find((i) => isScalar(i.key) && String(i.key.value) === key);
    return (p as Pair<YamlNode, YamlNode | null> | undefined) ?? null;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  private columnOf(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** End of the content before `offset`, without trailing blanks and line breaks. */
  private contentEnd(offset: number): number {
    let end = offset;
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /** The scalar at `path` replaced by `value` (written as YAML). */
  setScalar(path: readonly PathSegment[], value: string | number | boolean): TextEdit | null {
    const n = this.node(path);
    if (!n?.range) return null;
    return { start: n.range[0], end: n.range[1], text: scalarText(value) };
  }

  /** The block map at `path` replaced by `lines` (entries, unindented). */
  replaceMap(path: readonly PathSegment[], lines: string[]): TextEdit | null {
    const map = this.node(path);
    if (!isMap(map) || map.flow || !map.range) return null;
    const indent = " ".repeat(this.columnOf(map.range[0]));
    return { start: map.range[0], end: this.contentEnd(map.range[1]), text: lines.join(`\n${indent}`) };
  }

  /** A key renamed in place. */
  renameKey(path: readonly PathSegment[], from: string, to: string): TextEdit | null {
    const p = this.pair(path, from);
    if (!p || !isScalar(p.key) || !p.key.range) return null;
    return { start: p.key.range[0], end: p.key.range[1], text: to };
  }

  /**
   * `key: value` set in the map at `path`: the value replaced when the key exists, else a
   * new entry after the map's last one; a missing map is created under its parent.
   * `value` is a scalar or a block (lines relative to the key, without indentation).
   */
  setKey(path: readonly PathSegment[], key: string, value: string | number | boolean | string[]): TextEdit | null {
    const existing = this.pair(path, key);
    if (existing?.value?.range && !Array.isArray(value)) {
      return { start: existing.value.range[0], end: existing.value.range[1], text: scalarText(value) };
    }
    const map = this.node(path);
    if (isMap(map) && map.range) {
      if (map.flow) {
        if (Array.isArray(value)) return null;
        const close = this.contentEnd(map.range[1]) - 1;
        return { start: close, end: close, text: `${map.items.length > 0 ? ", " : ""}${key}: ${scalarText(value)}` };
      }
      const first = map.items[0];
      const firstKey = isPair(first) && isScalar(first.key) && first.key.range ? first.key.range[0] : map.range[0];
      const indent = " ".repeat(this.columnOf(firstKey));
      const at = this.contentEnd(map.range[1]);
      return { start: at, end: at, text: `\n${indent}${entryText(key, value, indent)}` };
    }
    if (path.length === 0) return null;
    // Create the map under its parent: `parentKey:\n  key: value`.
    const parentPath = path.slice(0, -1);
    const name = path[path.length - 1];
    if (typeof name !== "string") return null;
    const block = [`${key}:${Array.isArray(value) ? "" : ` ${scalarText(value)}`}`, ...(Array.isArray(value) ? value.map((l) => `  ${l}`) : [])];
    return this.setKey(parentPath, name, block);
  }

  /** The entry `key` of the map at `path` removed with its lines (the map too, when it was its only entry). */
  removeKey(path: readonly PathSegment[], key: string): TextEdit | null {
    const map = this.node(path);
    const p = this.pair(path, key);
    if (!isMap(map) || !p || !isScalar(p.key) || !p.key.range) return null;
    if (map.items.length === 1 && path.length > 0 && typeof path[path.length - 1] === "string") {
      return this.removeKey(path.slice(0, -1), path[path.length - 1] as string);
    }
    if (map.flow) {
      const index = map.items.indexOf(p);
      const end = p.value?.range?.[1] ?? p.key.range[1];
      const next = map.items[index + 1];
      if (next && isScalar(next.key) && next.key.range) return { start: p.key.range[0], end: next.key.range[0], text: "" };
      const prev = map.items[index - 1];
      const prevEnd = prev ? ((prev.value as YamlNode | null)?.range?.[1] ?? (prev.key as YamlNode).range![1]) : p.key.range[0];
      return { start: prevEnd, end, text: "" };
    }
    const start = this.lineStart(p.key.range[0]);
    const valueEnd = this.contentEnd(p.value?.range?.[1] ?? p.key.range[1]);
    const lineEnd = this.text.indexOf("\n", valueEnd);
    return { start, end: lineEnd === -1 ? this.text.length : lineEnd + 1, text: "" };
  }

  /** A block of YAML appended to the sequence at `path` (its lines start with "- ", unindented). */
  appendItem(path: readonly PathSegment[], lines: string[]): TextEdit | null {
    const seq = this.node(path);
    if (!isSeq(seq) || !seq.range || seq.flow) return null;
    const first = seq.items[0] as YamlNode | undefined;
    const indent = first?.range ? " ".repeat(Math.max(0, this.columnOf(first.range[0]) - 2)) : "  ";
    const at = this.contentEnd(seq.range[1]);
    return { start: at, end: at, text: lines.map((l) => `\n${indent}${l}`).join("") };
  }
}

function scalarText(value: string | number | boolean): string {
  return stringify(value, { singleQuote: true, lineWidth: 0 }).trimEnd();
}

function entryText(key: string, value: string | number | boolean | string[], indent: string): string {
  if (!Array.isArray(value)) return `${key}: ${scalarText(value)}`;
  return [`${key}:`, ...value.map((l) => `${indent}  ${l}`)].join("\n");
}

/** Applies edits (non-overlapping) to a text, for tests and for computing the result. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The one edit that turns `before` into `after`: the differing middle between their common head and tail. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < max - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}
