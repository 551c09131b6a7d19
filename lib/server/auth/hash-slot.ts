/**
 * For the public routes that hash a password (first-run setup, accepting an invitation):
 * the hashing holds one of the bounded slots of the sign-in gate (lib/server/auth/hash-gate.ts),
 * counted per client as the sign-in limits count it (one IPv6 /64 is one client), or the
 * request gets 429 "busy" with Retry-After, so a burst cannot stall the server.
 */
import { clientAddress, limitKeyOf } from "../client-address";
import { json } from "../http";
import { HASH_GATE_RETRY_AFTER_SECONDS } from "./hash-gate";
import { signInLimits } from "./limits";

export async function withPasswordHashSlot(request: Request, hash: () => Promise<Response>): Promise<Response> {
  const release = signInLimits().gate.tryEnter(limitKeyOf(clientAddress(request.headers)));
  if (!release) {
    return json(
      { error: { code: "busy", message: "Too many passwords are being checked at once.", hint: "Try again in a moment." } },
      { status: 429, headers: { "retry-after": String(HASH_GATE_RETRY_AFTER_SECONDS) } },
    );
  }
  try {
    return await hash();
  } finally {
    release();
  }
}
