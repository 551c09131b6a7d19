import { projectRoute } from "@/lib/builder/route";
import { latestPlan } from "@/lib/builder/sync-service";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The last dry run's plan per blueprint (create, update, unchanged, delete, examples, property diffs) and drift; null before the first. */
export const GET = projectRoute("read", async (_request, { deps, projectId }) => json(await latestPlan(deps, projectId)));
