/**
 * Access tokens of the demo tenant: JWT-shaped (header.payload.signature, HMAC-SHA256),
 * stateless, so a token issued by the app's token route is accepted by its Graph route
 * (two Next route modules may hold two simulator instances) and can be pasted as a
 * bearer token. The key derives from the seed: these tokens open only the simulator.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The claims a token must carry. The signing key derives from a public seed, so anyone can
 * sign a token: a well-signed one is still checked claim by claim (a numeric `roles` is a
 * 401, not a crash in the permission check).
 */
const tokenClaims = z.object({
  aud: z.string(),
  iss: z.string(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  appid: z.string(),
  tid: z.string(),
  roles: z.array(z.string()).max(100),
  /** Revocation generation: the "tokens expire mid-run" fault bumps it. */
  gen: z.number().int(),
  uti: z.string(),
});

export type TokenClaims = z.infer<typeof tokenClaims>;

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");

export class TokenSigner {
  private readonly key: Buffer;
  constructor(seed: number) {
    this.key = createHmac("sha256", "entra-port-builder demo tenant").update(String(seed)).digest();
  }

  issue(claims: Omit<TokenClaims, "uti">): string {
    const header = b64(JSON.stringify({ typ: "JWT", alg: "HS256", kid: "demo" }));
    const payload = b64(JSON.stringify({ ...claims, uti: randomUUID() }));
    const sig = createHmac("sha256", this.key).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${sig}`;
  }

  /** The claims of a well-formed token signed by this tenant with every claim of the right type, else null (expiry is the caller's check). */
  verify(token: string): TokenClaims | null {
    const parts = token.split(".");
    if (parts.length !== 3) return null;
    const [header, payload, sig] = parts as [string, string, string];
    const expected = createHmac("sha256", this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(sig, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = tokenClaims.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
      return claims.success ? claims.data : null;
    } catch {
      return null;
    }
  }
}
