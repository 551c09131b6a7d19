// Pending invitations, and inviting someone (the link's token is in this answer only).
import { db } from "@/lib/server/db";
import { json, readJson, withSession } from "@/lib/server/http";
import { createInvitation, listInvitations } from "@/lib/server/people/invitations";
import { inviteSchema } from "@/lib/server/people/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withSession(async (_request, _context, user) => json({ invitations: await listInvitations(db(), user.id) }));

export const POST = withSession(async (request, _context, user) => {
  const body = await readJson(request, inviteSchema, { maxBytes: 4 * 1024 });
  return json(await createInvitation(db(), user.id, body), { status: 201 });
});
