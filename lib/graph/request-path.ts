/**
 * What makes a request path unacceptable: a path must stay a path under the Graph base
 * URL. Pure and browser-safe, so the mapping validator (which runs in the browser too)
 * refuses a `kind` for exactly the reasons the client would refuse the request.
 */
export function requestPathProblem(path: string): string | null {
  if (path.trim() === "") return "it is empty";
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return "absolute URLs are not accepted";
  if (/[#\u0000-\u001f\u007f]/.test(path)) return "it contains # or a control character";
  const rawPath = path.split("?", 1)[0]!;
  if (/[\s\\]/.test(rawPath)) return "it contains a space or a backslash";
  if (/%2f|%5c/i.test(rawPath)) return "encoded slashes are not accepted";
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return "it has a broken percent-encoding";
  }
  if (decoded.split("/").some((s) => s === "." || s === "..")) return "'.' and '..' segments are not accepted";
  return null;
}
