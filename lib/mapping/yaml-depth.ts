/**
 * YAML read with a bound on nesting, checked before the `yaml` library composes anything.
 *
 * Why not let the parser overflow and catch the RangeError: the composer and `toJS` recurse
 * once per level, and when the stack runs out inside V8's regular expression compiler
 * (the schema's scalar patterns are compiled lazily, and compiled again after a GC drops
 * their code) V8 does not throw: it aborts the whole process with "RegExpCompiler
 * Allocation failed - process out of memory". One hostile mapping saved through the
 * server would end the server (tests/security/hostile-config-yaml.test.ts aborted a test
 * process that way). The library's CST parser keeps its own stack, so it reads any depth;
 * the depth is measured on its tree, iteratively, and nothing deeper is composed.
 */
import { type CST, type DocumentOptions, LineCounter, type ParseOptions, type SchemaOptions, Parser, parseDocument, type Document } from "yaml";

/** A port-app-config is about ten levels deep; nothing real comes near this. */
export const MAX_YAML_DEPTH = 100;

export interface YamlTooDeep {
  /** The limit it passed. */
  limit: number;
  /** Where the first collection past the limit starts (1-based). */
  line: number;
  column: number;
}

export type BoundedYaml = { doc: Document.Parsed; tooDeep: null } | { doc: null; tooDeep: YamlTooDeep };

/**
 * Offset of the first collection (map, list, flow [..] or {..}) nested deeper than `limit`,
 * in text order; null when none is. `lines`, when given, learns the text's line starts.
 */
export function offsetPastDepth(text: string, limit: number = MAX_YAML_DEPTH, lines?: LineCounter): number | null {
  for (const token of new Parser(lines?.addNewLine).parse(text)) {
    if (token.type !== "document" || !token.value) continue;
    const pending: { token: CST.Token; depth: number }[] = [{ token: token.value, depth: 1 }];
    while (pending.length > 0) {
      const { token: node, depth } = pending.pop()!;
      if (!("items" in node)) continue;
      if (depth > limit) return node.offset;
      // Pushed last to first, so the walk meets them in text order.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]!;
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** `parseDocument`, or where the text nests deeper than `MAX_YAML_DEPTH` (then nothing is composed). */
export function parseYamlBounded(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): BoundedYaml {
  const lines = new LineCounter();
  const offset = offsetPastDepth(text, MAX_YAML_DEPTH, lines);
  if (offset !== null) {
    const { line, col } = lines.linePos(offset);
    return { doc: null, tooDeep: { limit: MAX_YAML_DEPTH, line, column: col } };
  }
  return { doc: parseDocument(text, options), tooDeep: null };
}
