/**
 * Every page up to a limit, answered as a stream of NDJSON progress events (one line each)
 * so the page can draw a real progress bar. DELETE cancels the project's run; the stream
 * then ends with its last event, and what was read so far is kept as the sample.
 */
import { graphForProject } from "@/lib/builder/clients";
import { assertProjectOwner } from "@/lib/builder/access";
import { fetchAllRequest } from "@/lib/builder/contracts";
import { fetchAllPages } from "@/lib/builder/explore";
import { cancelFetchAllRun, startFetchAllRun } from "@/lib/builder/fetch-all-runs";
import { ndjsonStream } from "@/lib/builder/ndjson";
import { projectRoute } from "@/lib/builder/route";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = projectRoute(async (request, { deps, user, projectId }) => {
  const body = await readJson(request, fetchAllRequest);
  // Fail before streaming when there is no connection, so the answer is a plain JSON error.
  await graphForProject(deps, user.id, projectId);
  const run = startFetchAllRun(projectId);
  const signal = AbortSignal.any([request.signal, run.signal]);
  async function* events() {
    try {
      yield* fetchAllPages(deps, user.id, projectId, { ...body, signal });
    } finally {
      run.release();
    }
  }
  return ndjsonStream(events());
});

export const DELETE = projectRoute(async (_request, { deps, user, projectId }) => {
  await assertProjectOwner(deps.db, user.id, projectId);
  if (!cancelFetchAllRun(projectId)) {
    throw new AppError("no_fetch_running", "No fetch of all pages is running for this project.", { status: 404, hint: "It may have ended already: see the samples list." });
  }
  return new Response(null, { status: 204 });
});
