import { z } from "zod";
import { assertProjectAccess } from "@/lib/builder/access";
import { appBuilderDeps } from "@/lib/builder/app-deps";
import { withSession } from "@/lib/server/http";
import { revokeShare } from "@/lib/server/people/shares";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string; personId?: string }> };

/** Stops sharing the project with that person (the owner only). */
export const DELETE = withSession<Context>(async (_request, { params }, user) => {
  const { id, personId } = await params;
  const { db } = appBuilderDeps();
  // A project the caller cannot see is a 404 whatever the person id says.
  await assertProjectAccess(db, user.id, id, "edit");
  await revokeShare(db, user.id, id, z.string().max(100).catch("").parse(personId));
  return new Response(null, { status: 204 });
});
