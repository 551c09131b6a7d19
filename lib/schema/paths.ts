/**
 * Field paths in jq form, so the mapping editor can use them as they are:
 * `.id`, `.signInActivity.lastSignInDateTime`, `.passwordCredentials[].endDateTime`,
 * `."@odata.type"` (a key that is not an identifier is quoted as a JSON string, which jq
 * reads as the same string). The root itself is `.`.
 */

/** One step of a path: an object key, or every element of an array. */
export type PathSegment = { key: string } | { each: true };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const ROOT_PATH = ".";

/** The path of `key` inside the object at `parent`. */
export function keyPath(parent: string, key: string): string {
  const step = IDENTIFIER.test(key) ? `.${key}` : `.${JSON.stringify(key)}`;
  return parent === ROOT_PATH ? step : parent + step;
}

/** The path of every element of the array at `parent`. */
export function eachPath(parent: string): string {
  return parent === ROOT_PATH ? ".[]" : `${parent}[]`;
}

/** The segments of a path written by `keyPath`/`eachPath`; null when it is not such a path. */
export function parsePath(path: string): PathSegment[] | null {
  if (path === ROOT_PATH) return [];
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path.startsWith("[]", i)) {
      out.push({ each: true });
      i += 2;
      continue;
    }
    if (path[i] !== ".") return null;
    i += 1;
    if (path.startsWith("[]", i) && out.length === 0) continue; // `.[]`: the root's elements
    if (path[i] === '"') {
      const end = closingQuote(path, i);
      if (end < 0) return null;
      try {
        out.push({ key: JSON.parse(path.slice(i, end + 1)) as string });
      } catch {
        return null;
      }
      i = end + 1;
      continue;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i));
    if (!match) return null;
    out.push({ key: match[0] });
    i += match[0].length;
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Writes segments back as a path (the inverse of `parsePath`). */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = ROOT_PATH;
  for (const s of segments) path = "key" in s ? keyPath(path, s.key) : eachPath(path);
  return path;
}
