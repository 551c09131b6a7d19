// Public by design: the invitation link itself is the credential (256 random bits, stored
// only as its sha256, single use, expiring). GET says who is invited; POST accepts it.
import { withPasswordHashSlot } from "@/lib/server/auth/hash-slot";
import { db } from "@/lib/server/db";
import { crossSiteRefusal, errorResponse, json, readJson } from "@/lib/server/http";
import { acceptInvitation, assertInvitationUsable, describeInvitation, unknownLink } from "@/lib/server/people/invitations";
import { acceptSchema, invitationTokenSchema } from "@/lib/server/people/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ token: string }> };

async function tokenOf(params: Context["params"]): Promise<string> {
  const parsed = invitationTokenSchema.safeParse((await params).token);
  if (!parsed.success) {
    throw unknownLink();
  }
  return parsed.data;
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    return json({ invitation: await describeInvitation(db(), await tokenOf(params)) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  try {
    const token = await tokenOf(params);
    const input = await readJson(request, acceptSchema, { maxBytes: 4 * 1024 });
    // An unusable link answers before the password is hashed (the costly part).
    await assertInvitationUsable(db(), token);
    return await withPasswordHashSlot(request, async () => json({ user: await acceptInvitation(db(), token, input) }, { status: 201 }));
  } catch (error) {
    return errorResponse(error);
  }
}
