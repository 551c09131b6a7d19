/**
 * A run's live progress as NDJSON (lib/builder/sync-stream.ts): the stored run, the
 * engine's events while it runs, the stored run again when it ends; then the stream ends.
 * Closing the request only stops listening: the run goes on.
 */
import { ndjsonStream } from "@/lib/builder/ndjson";
import { projectRunRoute } from "@/lib/builder/sync-route";
import { projectRun } from "@/lib/builder/sync-service";
import { runStream } from "@/lib/builder/sync-stream";
import { runView } from "@/lib/builder/sync-views";
import { syncRunner } from "@/lib/sync/runner";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = projectRunRoute("read", async (request, { deps, projectId, runId }) => {
  // A run of another project is a 404 before anything streams.
  await projectRun(deps, projectId, runId);
  return ndjsonStream(runStream({ runId, read: async () => runView(await projectRun(deps, projectId, runId)), source: syncRunner(), signal: request.signal }));
});
