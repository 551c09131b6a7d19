/**
 * Every page up to a limit, answered as a stream of NDJSON progress events (one line each)
 * so the page can draw a real progress bar. DELETE cancels the project's run; the stream
 * then ends with its last event, and what was read so far is kept as the sample.
 */
import { graphForProject } from "@/lib/builder/clients";
import { fetchAllRequest } from "@/lib/builder/contracts";
import { fetchAllPagesWith } from "@/lib/builder/explore";
import { cancelFetchAllRun, startFetchAllRun } from "@/lib/builder/fetch-all-runs";
import { ndjsonStream } from "@/lib/builder/ndjson";
import { projectRoute } from "@/lib/builder/route";
import { readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = projectRoute("edit", async (request, { deps, user, projectId }) => {
  const body = await readJson(request, fetchAllRequest);
  // Made before streaming, so a missing connection is answered as a plain JSON error.
  const { client } = await graphForProject(deps, user.id, projectId);
  const run = startFetchAllRun(projectId);
  const signal = AbortSignal.any([request.signal, run.signal]);
  async function* events() {
    try {
      yield* fetchAllPagesWith(deps, projectId, client, { ...body, signal });
    } finally {
      run.release();
    }
  }
  return ndjsonStream(events());
});

/** Cancels the project's run; 204 also when it has just ended, so a Cancel racing the last page is harmless. */
export const DELETE = projectRoute("edit", async (_request, { projectId }) => {
  cancelFetchAllRun(projectId);
  return new Response(null, { status: 204 });
});
