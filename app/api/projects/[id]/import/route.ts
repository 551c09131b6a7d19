import { importForOwner } from "@/lib/builder/import-project";
import { projectRoute } from "@/lib/builder/route";
import { importRequest } from "@/lib/export/import";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The JSON body's bound: the largest mapping and blueprints an import takes, with room for escaping. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Replaces the project's mapping and blueprints with the imported files (all or nothing). */
export const POST = projectRoute("edit", async (request, { deps, user, projectId }) =>
  json(await importForOwner(deps, user.id, projectId, () => readJson(request, importRequest, { maxBytes: MAX_BODY_BYTES }))),
);
