/**
 * Redirects are never followed where a secret travels (a bearer token, a client secret): a
 * 3xx could send it to any host. Requests are made with `redirect: "manual"` and a redirect
 * answer is turned into a clear refusal, instead of fetch's generic "redirect mode is set
 * to error" (which reads like a network failure and was retried as one).
 */

/** Where a redirect answer points (absolute, at most 200 characters), or null when `response` is not a redirect. */
export function redirectTarget(response: Response, from: URL): string | null {
  if (response.status < 300 || response.status > 399 || response.status === 304) return null;
  const location = response.headers.get("location");
  if (location === null) return "an unnamed location";
  let target: string;
  try {
    target = new URL(location, from).href;
  } catch {
    target = location;
  }
  return target.length > 200 ? `${target.slice(0, 199)}…` : target;
}
