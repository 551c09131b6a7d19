/**
 * Every page up to a limit, answered as a stream of NDJSON progress events (one line each)
 * so the page can draw a real progress bar. Closing the request (Cancel) aborts the
 * fetch; what was read so far is kept as the sample.
 */
import { fetchAllRequest } from "@/lib/builder/contracts";
import { fetchAllPages } from "@/lib/builder/explore";
import { graphForProject } from "@/lib/builder/clients";
import { projectRoute } from "@/lib/builder/route";
import { readJson } from "@/lib/server/http";
import { ndjsonStream } from "@/lib/builder/ndjson";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = projectRoute(async (request, { deps, user, projectId }) => {
  const body = await readJson(request, fetchAllRequest);
  // Fail before streaming when there is no connection, so the answer is a plain JSON error.
  await graphForProject(deps, user.id, projectId);
  return ndjsonStream(fetchAllPages(deps, user.id, projectId, { ...body, signal: request.signal }));
});
