import { testPortConnection } from "@/lib/builder/connection-checks";
import { projectRoute } from "@/lib/builder/route";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = projectRoute("edit", async (_request, { deps, user, projectId }) => json(await testPortConnection(deps, user.id, projectId)));
