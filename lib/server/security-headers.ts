/**
 * Security headers for every response: a Content-Security-Policy, no framing, no MIME
 * sniffing, no Referer to other sites. Pages get a nonce-based CSP made per request in
 * proxy.ts (Next reads the nonce from the request's CSP header and puts it on its own
 * inline and bundle scripts; `'strict-dynamic'` then trusts what those load, such as
 * Monaco's lazily loaded chunks). What the builder's pages need besides:
 * - `'wasm-unsafe-eval'`: jq-wasm compiles WebAssembly (in a worker; a blob: worker
 *   inherits the page's policy);
 * - `worker-src 'self' blob:`: Monaco's and jq's Web Workers come from the app itself;
 * - `style-src 'unsafe-inline'`: Monaco and React set inline styles (a nonce in style-src
 *   would switch 'unsafe-inline' off, so styles carry none);
 * - `'unsafe-eval'` in development only: React's dev build uses eval for stack traces.
 * API answers are data, never documents: `default-src 'none'` (next-auth's own small
 * pages under /api/auth may style themselves and post their form).
 * next.config.mjs sets the same plain headers for the static files proxy.ts never sees.
 */
import { randomBytes } from "node:crypto";

export const PLAIN_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** next-auth's own pages under /api/auth (sign-out confirmation): one inline style block, one form to itself. */
export const AUTH_PAGES_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets the plain headers and the given CSP on a response (in place) and returns it. */
export function withSecurityHeaders<R extends Response>(response: R, contentSecurityPolicy: string): R {
  for (const [name, value] of Object.entries(PLAIN_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("content-security-policy", contentSecurityPolicy);
  return response;
}
