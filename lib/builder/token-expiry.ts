/**
 * The expiry of a pasted bearer token, read from its `exp` claim without verifying it
 * (only Graph can; this is for telling the person when it will stop working). Tokens that
 * are not JWTs (opaque) have no readable expiry.
 */
export function tokenExpiry(token: string): Date | null {
  const parts = token.trim().replace(/^Bearer\s+/i, "").split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as unknown;
    if (payload === null || typeof payload !== "object") return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp !== "number" || !Number.isFinite(exp) || exp <= 0 || exp > 1e11) return null;
    return new Date(exp * 1000);
  } catch {
    return null;
  }
}
