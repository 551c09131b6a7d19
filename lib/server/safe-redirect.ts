/**
 * Where to send a user after sign-in: only a path on this site. The value is parsed the
 * way a browser would (`/\evil.com` and `/\t/evil.com` are other hosts to a browser),
 * and anything that leaves the origin falls back to the projects page.
 */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/projects"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return fallback;
  const base = "http://this.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
