import { projectRoute } from "@/lib/builder/route";
import { json, readJson } from "@/lib/server/http";
import { listShares, shareCandidates, shareProject, shareRequestSchema } from "@/lib/server/people/shares";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Who the project is shared with, and whom it can be shared with (the owner only: 403 for a share holder). */
export const GET = projectRoute("read", async (_request, { deps, user, projectId }) =>
  json({ shares: await listShares(deps.db, user.id, projectId), candidates: await shareCandidates(deps.db, user.id, projectId) }),
);

/** Shares with a person by email, read or edit (or changes the level). */
export const PUT = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, shareRequestSchema, { maxBytes: 1_024 });
  return json({ share: await shareProject(deps.db, user.id, projectId, body) });
});
