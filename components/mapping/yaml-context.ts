/**
 * Where the cursor is in a port-app-config YAML, for completion: the key path of the
 * entry it is on (`resources[2].port.entity.mappings.properties.mail`), whether it is on
 * the key or in the value, and the text typed so far. A key being typed (`  acc`, no
 * colon yet) is completed to a parsable entry first, so the `yaml` parser can place it.
 */
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from "yaml";
import { parseYamlBounded, type PathSegment } from "@/lib/mapping";

export interface CursorContext {
  /** Keys from the root to the entry at the cursor (list items as their index). */
  path: PathSegment[];
  /** The cursor is after `key: `. */
  inValue: boolean;
  /** The key typed so far when on a key, the value typed so far when in a value. */
  typed: string;
}

const MARK = "__cursor__";

function within(node: YamlNode | null | undefined, offset: number): boolean {
  return !!node?.range && offset >= node.range[0] && offset <= node.range[1];
}

function locate(node: unknown, offset: number, path: PathSegment[]): PathSegment[] | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      const end = value?.range?.[1] ?? key.range?.[1] ?? -1;
      if (!key.range || offset < key.range[0] || offset > end) continue;
      const here = [...path, String((pair.key as { value: unknown }).value)];
      if (within(key, offset) || !value) return here;
      return locate(value, offset, here) ?? here;
    }
    return null;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (within(item as YamlNode, offset)) return locate(item, offset, [...path, i]) ?? [...path, i];
    }
  }
  return null;
}

/** `line` and `column` are 1-based, as Monaco gives them. */
export function cursorContext(text: string, line: number, column: number): CursorContext {
  const lines = text.split("\n");
  const current = lines[line - 1] ?? "";
  const before = current.slice(0, column - 1);
  const value = /^\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^"'#:\s][^:#]*?)\s*:\s+(.*)$/.exec(before);
  const inValue = value !== null;
  const typed = inValue ? value[1]! : before.trimStart().replace(/^-\s+/, "");
  // On a key: make the line a complete entry ending in the marker, so the parser places it.
  const probeLine = inValue ? current : `${before}${MARK}: x`;
  lines[line - 1] = probeLine;
  const probe = lines.join("\n");
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + (inValue ? Math.min(column - 1, current.length) : before.length + MARK.length - 1);
  // Bounded: a stack overflow while composing can abort the tab (lib/mapping/yaml-depth.ts).
  const { doc } = parseYamlBounded(probe);
  const path = (doc && locate(doc.contents, offset, [])) ?? [];
  if (!inValue && path[path.length - 1] === `${typed}${MARK}`) path.pop();
  return { path, inValue, typed };
}
