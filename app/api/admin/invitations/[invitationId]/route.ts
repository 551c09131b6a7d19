// Revokes a pending invitation: its link stops working at once.
import { db } from "@/lib/server/db";
import { withSession } from "@/lib/server/http";
import { revokeInvitation } from "@/lib/server/people/invitations";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ invitationId: string }> };

export const DELETE = withSession<Context>(async (_request, { params }, user) => {
  await revokeInvitation(db(), user.id, (await params).invitationId);
  return new Response(null, { status: 204 });
});
