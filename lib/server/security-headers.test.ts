import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy, withSecurityHeaders } from "./security-headers";

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("page Content-Security-Policy", () => {
  it("runs only scripts with this response's nonce (and what they load), never inline ones", () => {
    const nonce = newNonce();
    const csp = directives(pageContentSecurityPolicy(nonce, { dev: false }));
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["worker-src"]).toEqual(["'self'", "blob:"]);
    // A nonce in style-src would switch 'unsafe-inline' off for Monaco's and React's inline styles.
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows eval only in development", () => {
    expect(pageContentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy("n", { dev: false })).not.toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("sets the plain headers with the policy", () => {
    const response = withSecurityHeaders(new Response("x"), "default-src 'none'");
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-security-policy": "default-src 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
    });
  });
});
