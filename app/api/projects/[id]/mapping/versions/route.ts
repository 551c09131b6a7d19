import { listVersions } from "@/lib/builder/mapping-history";
import { projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The saved versions of the mapping, newest first (without their text). */
export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json({ versions: await listVersions(deps, user.id, projectId) }));
