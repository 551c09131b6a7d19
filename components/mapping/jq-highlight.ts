/**
 * jq colouring inside the YAML: the ranges of jq tokens in every scalar that Ocean runs as
 * jq (selector.query and data_path, path_parameters' data_path, field and filter,
 * itemsToParse, every mapping leaf), in editor positions. The editor shows them as
 * decorations over Monaco's YAML colouring.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from "yaml";
import { parseYamlBounded } from "@/lib/mapping";
import { jqTokens, type JqTokenKind } from "./jq-tokens";

export interface JqRange {
  line: number;
  startColumn: number;
  endColumn: number;
  kind: JqTokenKind;
}

type Key = string | number;

/** Whether the value at `keys` is a jq expression in port-app-config. */
export function isJqPosition(keys: readonly Key[]): boolean {
  if (keys[0] !== "resources" || typeof keys[1] !== "number") return false;
  const rest = keys.slice(2);
  if (rest[0] === "selector") return (rest.length === 2 && (rest[1] === "query" || rest[1] === "data_path")) || (rest[1] === "path_parameters" && rest.length === 4 && ["data_path", "field", "filter"].includes(String(rest[3])));
  if (rest[0] === "port") return (rest.length === 2 && rest[1] === "itemsToParse") || (rest[1] === "entity" && rest[2] === "mappings" && rest.length >= 4);
  return false;
}

export function jqRanges(text: string): JqRange[] {
  // Bounded: a stack overflow while composing can abort the tab (lib/mapping/yaml-depth.ts).
  const { doc } = parseYamlBounded(text);
  if (!doc) return [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const out: JqRange[] = [];
  const emit = (source: string, offset: number) => {
    for (const t of jqTokens(source)) {
      const a = position(offset + t.start);
      const b = position(offset + t.end);
      if (a.line === b.line) out.push({ line: a.line, startColumn: a.column, endColumn: b.column, kind: t.kind });
    }
  };
  const walk = (node: unknown, keys: Key[]) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...keys, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...keys, i]));
    } else if (isScalar(node) && typeof node.value === "string" && isJqPosition(keys)) {
      const range = (node as YamlNode).range;
      if (!range) return;
      const [start, end] = range;
      if (node.type === "QUOTE_SINGLE" || node.type === "QUOTE_DOUBLE") emit(text.slice(start + 1, end - 1), start + 1);
      else if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
        const body = text.indexOf("\n", start) + 1;
        if (body > 0 && body < end) emit(text.slice(body, end), body);
      } else emit(text.slice(start, end), start);
    }
  };
  walk(doc.contents, []);
  return out;
}
