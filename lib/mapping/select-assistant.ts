/**
 * The `$select` assistant: the top-level Graph properties a resource's jq expressions
 * read, so the builder can fill `$select` for the user.
 *
 * A small scanner, not a jq parser: it finds path starts (`.name`, `."name"`, `.["name"]`)
 * whose input is the item itself, skipping string literals (but not their `\(...)`),
 * comments, `$variables`, object keys (`{name: ...}`; the shorthand `{name}` does read
 * `.name`), continuations (`.a.b` reads only `a`), and whatever follows a `|` or sits
 * inside `map(...)` and friends, where the input is no longer the item.
 */
import type { MappingValue, ResourceConfig } from "./model";

/** Functions whose argument runs on elements of the input, not the input itself. */
const ELEMENT_FUNCTIONS = new Set([
  "map", "map_values", "any", "all", "sort_by", "group_by", "unique_by", "min_by", "max_by", "with_entries", "walk", "recurse",
]);

interface Frame {
  /** The input here is the item itself. */
  top: boolean;
  /** The closing bracket of this frame. */
  close: string;
  /** In an object constructor, before the `:` of the current entry. */
  objectKey: boolean;
}

/**
 * Interpolations inside interpolations read this deep at most. Each level is a recursion
 * and a rescan of the rest, so a hostile mapping nesting thousands of them overflowed
 * the stack (which can abort V8 rather than throw: lib/mapping/yaml-depth.ts). Real
 * expressions nest one or two; a name read deeper is not offered for `$select`.
 */
const MAX_INTERPOLATION_DEPTH = 16;

/** Top-level property names read by one jq expression, in order of appearance. */
export function readTopLevelProperties(expr: string): string[] {
  return propertiesRead(expr, 0);
}

function propertiesRead(expr: string, interpolationDepth: number): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    if (!found.includes(name)) found.push(name);
  };
  const stack: Frame[] = [{ top: true, close: "", objectKey: false }];
  const frame = () => stack[stack.length - 1]!;
  // What came before: a value-ending token means a following `.x` continues a path.
  let afterValue = false;
  let pendingFunction: string | null = null;
  let i = 0;
  const s = expr;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "#") {
      const nl = s.indexOf("\n", i);
      i = nl === -1 ? s.length : nl;
      continue;
    }
    if (ch === '"') {
      // A string: skip it, but scan the interpolations inside as expressions.
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\" && s[j + 1] === "(") {
          let depth = 1;
          const start = j + 2;
          j = start;
          while (j < s.length && depth > 0) {
            if (s[j] === "(") depth++;
            else if (s[j] === ")") depth--;
            else if (s[j] === '"') j = skipString(s, j) - 1;
            j++;
          }
          if (frame().top && interpolationDepth < MAX_INTERPOLATION_DEPTH) {
            for (const name of propertiesRead(s.slice(start, j - 1), interpolationDepth + 1)) add(name);
          }
          continue;
        }
        j += s[j] === "\\" ? 2 : 1;
      }
      i = j + 1;
      if (frame().objectKey) {
        afterValue = false;
        continue;
      }
      afterValue = true;
      continue;
    }
    if (ch === "$") {
      const m = /^\$[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)?/.exec(s.slice(i));
      i += m ? m[0].length : 1;
      afterValue = true;
      continue;
    }
    if (ch === ".") {
      if (s[i + 1] === ".") {
        i += 2;
        afterValue = true;
        continue;
      }
      const rest = s.slice(i + 1);
      const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
      const quoted = rest.startsWith('"') ? JSON.parse(s.slice(i + 1, skipString(s, i + 1))) as string : null;
      const bracketed = /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
      const name = ident ?? quoted ?? (bracketed ? (JSON.parse(`"${bracketed[1]}"`) as string) : null);
      if (name !== null && !afterValue && frame().top && !frame().objectKey) add(name);
      i += 1 + (ident?.length ?? (quoted !== null ? skipString(s, i + 1) - (i + 1) : bracketed ? bracketed[0].length : 0));
      afterValue = true;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))![0];
      i += word.length;
      if (frame().objectKey) {
        // `{name}` shorthand reads `.name`; `{name: ...}` is only a key.
        const next = s.slice(i).trimStart()[0];
        if ((next === "," || next === "}") && frame().top) add(word);
        afterValue = false;
        continue;
      }
      const keywords = ["and", "or", "not", "if", "then", "elif", "else", "end", "as", "def", "reduce", "foreach", "try", "catch", "label", "import", "include"];
      afterValue = !keywords.includes(word) || word === "end" || word === "not";
      pendingFunction = word;
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") {
      const parentTop = frame().top;
      const elementArg = ch === "(" && pendingFunction !== null && ELEMENT_FUNCTIONS.has(pendingFunction);
      // `.a[...]`: a bracket right after a value indexes it (its content still reads the item).
      stack.push({ top: parentTop && !elementArg, close: ch === "(" ? ")" : ch === "[" ? "]" : "}", objectKey: ch === "{" });
      pendingFunction = null;
      afterValue = false;
      i++;
      continue;
    }
    if (ch === ")" || ch === "]" || ch === "}") {
      if (stack.length > 1) stack.pop();
      afterValue = true;
      pendingFunction = null;
      i++;
      continue;
    }
    if (ch === "|") {
      if (s[i + 1] === "=") {
        i += 2;
        afterValue = false;
        continue;
      }
      // `... as $x | body` keeps the input; any other pipe changes it.
      const before = s.slice(0, i);
      if (!/\bas\s+(\$[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\]|\{[^}]*\})\s*$/.test(before)) frame().top = false;
      afterValue = false;
      pendingFunction = null;
      i++;
      continue;
    }
    if (ch === ":" && frame().objectKey) {
      frame().objectKey = false;
      afterValue = false;
      i++;
      continue;
    }
    if (ch === "," && frame().close === "}") {
      frame().objectKey = true;
      afterValue = false;
      i++;
      continue;
    }
    if (ch === "?") {
      i++;
      continue;
    }
    // operators, numbers, `;`, `,`
    afterValue = /[0-9]/.test(ch);
    pendingFunction = null;
    i++;
  }
  return found;
}

function skipString(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
  return i + 1;
}

function leaves(value: MappingValue | undefined, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => leaves(v, out));
}

/** Every jq expression of a resource that runs on an item (selector and mappings). */
export function itemExpressions(resource: ResourceConfig): string[] {
  const out: string[] = [];
  if (typeof resource.selector.query === "string") out.push(resource.selector.query);
  if (resource.port.itemsToParse) out.push(resource.port.itemsToParse);
  for (const v of Object.values(resource.port.entity.mappings)) leaves(v as MappingValue, out);
  return out;
}

/**
 * The Graph properties to put in `$select` for a resource: what its expressions read,
 * always with `id`, without keys Ocean injects (`__group_id`), the itemsToParse element
 * name and OData annotations (`@odata.type` is returned anyway).
 */
export function selectAssistant(resource: ResourceConfig): string[] {
  const names = new Set<string>(["id"]);
  const itemName = resource.port.itemsToParse ? resource.port.itemsToParseName : null;
  for (const expr of itemExpressions(resource)) {
    for (const name of readTopLevelProperties(expr)) {
      if (name.startsWith("__") || name.startsWith("@odata.") || name === itemName) continue;
      names.add(name);
    }
  }
  return [...names];
}
