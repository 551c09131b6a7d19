import { getConnections } from "@/lib/builder/connections";
import { projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json(await getConnections(deps, user.id, projectId)));
