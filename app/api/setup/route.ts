// Public while the database has no user: creates the administrator account, then closes.
import { clientAddress } from "@/lib/server/client-address";
import { db } from "@/lib/server/db";
import { crossSiteRefusal, errorResponse, json, readJson } from "@/lib/server/http";
import { HASH_GATE_RETRY_AFTER_SECONDS } from "@/lib/server/auth/hash-gate";
import { signInLimits } from "@/lib/server/auth/limits";
import { createFirstAdmin, firstAdminSchema, needsFirstRunSetup, setupClosedError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  try {
    const input = await readJson(request, firstAdminSchema, { maxBytes: 16 * 1024 });
    // Closed is answered before anything costly (createFirstAdmin checks again, atomically).
    if (!(await needsFirstRunSetup(db()))) throw setupClosedError();
    const release = signInLimits().gate.tryEnter(clientAddress(request.headers));
    if (!release) {
      return json(
        { error: { code: "busy", message: "Too many passwords are being checked at once.", hint: "Try again in a moment." } },
        { status: 429, headers: { "retry-after": String(HASH_GATE_RETRY_AFTER_SECONDS) } },
      );
    }
    try {
      const user = await createFirstAdmin(db(), input);
      return json({ user }, { status: 201 });
    } finally {
      release();
    }
  } catch (error) {
    return errorResponse(error);
  }
}
