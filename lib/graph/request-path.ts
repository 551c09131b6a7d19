/**
 * What makes a request path unacceptable: a path must stay a path under the Graph base
 * URL. Pure and browser-safe, so the mapping validator (which runs in the browser too)
 * refuses a `kind` for exactly the reasons the client would refuse the request.
 */

/** Decodings tried: a proxy or route that decodes once more must not find `..` either. */
const MAX_DECODINGS = 4;

/**
 * Why the path part of a URL (no query) would leave where it points once decoded, by this
 * server or by one that decodes again: `.`/`..` segments, encoded slashes or backslashes,
 * at any level of percent-encoding (`%2e%2e`, `%252e%252e`). Null when it is a plain path.
 */
export function pathSegmentsProblem(rawPath: string): string | null {
  let text = rawPath;
  for (let level = 0; level <= MAX_DECODINGS; level++) {
    if (level > 0 && /%2f|%5c/i.test(text)) return "encoded slashes are not accepted";
    if (text.split("/").some((s) => s === "." || s === "..")) return level === 0 ? "'.' and '..' segments are not accepted" : "encoded '.' and '..' segments are not accepted";
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return level === 0 ? "it has a broken percent-encoding" : null;
    }
    if (decoded === text) return null;
    if (level > 0 && /\\/.test(decoded)) return "encoded backslashes are not accepted";
    text = decoded;
  }
  return "it is percent-encoded more times than any Graph path is";
}

export function requestPathProblem(path: string): string | null {
  if (path.trim() === "") return "it is empty";
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return "absolute URLs are not accepted";
  if (/[#\u0000-\u001f\u007f]/.test(path)) return "it contains # or a control character";
  const rawPath = path.split("?", 1)[0]!;
  if (/[\s\\]/.test(rawPath)) return "it contains a space or a backslash";
  if (/%2f|%5c/i.test(rawPath)) return "encoded slashes are not accepted";
  return pathSegmentsProblem(rawPath);
}
