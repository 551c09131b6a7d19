import { projectRoute } from "@/lib/builder/route";
import { syncOverview } from "@/lib/builder/sync-service";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** What stops a sync (with the step that fixes it), the run in progress, the schedule, and whether Port is the demo one. */
export const GET = projectRoute("read", async (_request, { deps, user, projectId }) => json(await syncOverview(deps, user.id, projectId)));
