/**
 * The demo Port's access tokens: stateless HMAC-signed `{clientId, expiry}`, so they need
 * no storage and survive Next's module reloads. Rotating the key revokes every token.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export class DemoTokenIssuer {
  private key = randomBytes(32);

  constructor(private readonly ttlSeconds: number, private readonly now: () => number) {}

  issue(clientId: string): { accessToken: string; expiresIn: number } {
    const payload = Buffer.from(JSON.stringify({ c: clientId, e: this.now() + this.ttlSeconds * 1000 })).toString("base64url");
    return { accessToken: `demo.${payload}.${this.sign(payload)}`, expiresIn: this.ttlSeconds };
  }

  /** The client id of a valid, unexpired token, or null. */
  verify(token: string): string | null {
    const [prefix, payload, signature] = token.split(".");
    if (prefix !== "demo" || !payload || !signature) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { c: string; e: number };
    return claims.e > this.now() ? claims.c : null;
  }

  /** Invalidates every token issued so far. */
  revokeAll(): void {
    this.key = randomBytes(32);
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url");
  }
}
