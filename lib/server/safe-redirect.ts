/**
 * Where to send a user after sign-in: only a path on this site. The value is parsed the
 * way a browser would (`/\evil.com` and `/\t/evil.com` are other hosts to a browser),
 * and anything that leaves the origin falls back to the projects page.
 */
const BASE = "http://this.invalid";

export function safeCallbackPath(value: string | string[] | undefined, fallback = "/projects"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments normalise away: `/..//evil.com` and `/./\evil.com` come out as
  // `//evil.com`, which a browser (and Next's redirect) reads as another host. The
  // normalised path must itself stay on this origin when used as a URL again.
  if (path.startsWith("//") || new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}
