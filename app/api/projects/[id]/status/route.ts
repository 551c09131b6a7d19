import { projectRoute } from "@/lib/builder/route";
import { projectStatus } from "@/lib/builder/step-status";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json(await projectStatus(deps, user.id, projectId)));
