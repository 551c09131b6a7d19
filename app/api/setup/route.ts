// Public while the database has no user: creates the administrator account, then closes.
import { withPasswordHashSlot } from "@/lib/server/auth/hash-slot";
import { db } from "@/lib/server/db";
import { crossSiteRefusal, errorResponse, json, readJson } from "@/lib/server/http";
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
    return await withPasswordHashSlot(request, async () => json({ user: await createFirstAdmin(db(), input) }, { status: 201 }));
  } catch (error) {
    return errorResponse(error);
  }
}
