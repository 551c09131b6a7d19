// Public while the database has no user: creates the administrator account, then closes.
import { db } from "@/lib/server/db";
import { crossSiteRefusal, errorResponse, json, readJson } from "@/lib/server/http";
import { createFirstAdmin, firstAdminSchema } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  try {
    const input = await readJson(request, firstAdminSchema);
    const user = await createFirstAdmin(db(), input);
    return json({ user }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
