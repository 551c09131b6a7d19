/**
 * One fetch-all run over HTTP: POST the request, read the NDJSON events as they stream,
 * and report each as an action for `fetchAllReducer`. Cancel is `cancelFetchAll` (the
 * server stops and the stream still brings the last event, with what was kept); aborting
 * `signal` only drops the stream (leaving the page). Never throws; every ending is reported.
 */
import type { ExploreError, FetchAllEvent, FetchAllRequest } from "@/lib/builder/contracts";
import { readNdjson } from "@/lib/builder/ndjson";
import { ApiError, apiFetch, apiResponse } from "../api";
import type { FetchAllAction } from "./fetch-all-state";

export const STREAM_ENDED: ExploreError = {
  code: "stream_ended",
  message: "The connection closed before the run said how it ended.",
  hint: "The samples list shows what was kept; fetch again to be sure of a complete sample.",
};

function errorOf(error: unknown): ExploreError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { code: "network_error", message: "The builder's server could not be reached, or the connection broke.", hint: "Check that it is still running, then try again." };
}

export async function runFetchAll(url: string, request: FetchAllRequest, signal: AbortSignal, report: (action: FetchAllAction) => void): Promise<void> {
  report({ type: "start", endpoint: request.path.startsWith("/") ? request.path : `/${request.path}`, maxPages: Number(request.maxPages) });
  try {
    const response = await apiResponse(url, { method: "POST", body: JSON.stringify(request), signal });
    if (!response.body) throw new Error("empty body");
    let ended = false;
    for await (const event of readNdjson<FetchAllEvent>(response.body)) {
      // Lines already received may still be read after Cancel: they no longer count.
      if (signal.aborted) break;
      report({ type: "event", event });
      if (event.type !== "progress") ended = true;
    }
    if (signal.aborted) report({ type: "cancelled" });
    else if (!ended) report({ type: "failed", error: STREAM_ENDED });
  } catch (error) {
    report(signal.aborted ? { type: "cancelled" } : { type: "failed", error: errorOf(error) });
  }
}

/** Asks the server to stop the project's run; the stream then ends with its last event. */
export async function cancelFetchAll(url: string): Promise<boolean> {
  try {
    await apiFetch<void>(url, { method: "DELETE" });
    return true;
  } catch {
    // Already ended (404) or unreachable: the caller drops the stream instead.
    return false;
  }
}
