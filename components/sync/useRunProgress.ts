"use client";

/**
 * A run's live progress: `GET sync/runs/[runId]/events` answers NDJSON (the stored run,
 * then the engine's events), which react-query does not stream, so this hook reads it
 * with fetch and folds it with live-run.ts. When the run ends, the page's sync data and
 * the step rail are refreshed. Leaving the page only stops listening: the run goes on.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef } from "react";
import type { SyncStreamMessage } from "@/lib/builder/sync-contracts";
import { readNdjson } from "@/lib/builder/ndjson";
import { apiResponse } from "../api";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";
import { liveRunStep, NO_RUN, type LiveRun } from "./live-run";
import { syncKeys, syncPath } from "./sync-keys";

type Action = { type: "message"; message: SyncStreamMessage; at: number; expected: readonly { kind: string; items: number }[] } | { type: "reset" } | { type: "lost"; error: unknown };

export interface RunProgress extends LiveRun {
  /** The stream failed (the run goes on; the history shows its end). */
  error: unknown;
}

function reducer(state: RunProgress, action: Action): RunProgress {
  if (action.type === "reset") return { ...NO_RUN, error: null };
  if (action.type === "lost") return { ...state, error: action.error };
  return { ...liveRunStep(state, action.message, action.at, action.expected), error: null };
}

export function useRunProgress(projectId: string, runId: string | null, expected: readonly { kind: string; items: number }[]): RunProgress {
  const [state, dispatch] = useReducer(reducer, { ...NO_RUN, error: null });
  const client = useQueryClient();
  const statusChanged = useInvalidateProjectStatus(projectId);
  // Read when messages come: the history may load after the stream started.
  const expectedNow = useRef(expected);
  useEffect(() => {
    expectedNow.current = expected;
  }, [expected]);

  useEffect(() => {
    dispatch({ type: "reset" });
    if (!runId) return;
    const reading = new AbortController();
    void (async () => {
      try {
        const response = await apiResponse(syncPath(projectId, `/runs/${encodeURIComponent(runId)}/events`), { signal: reading.signal });
        for await (const message of readNdjson<SyncStreamMessage>(response.body!)) {
          dispatch({ type: "message", message, at: Date.now(), expected: expectedNow.current });
        }
        void client.invalidateQueries({ queryKey: syncKeys.all(projectId) });
        void statusChanged();
      } catch (error) {
        if (!reading.signal.aborted) dispatch({ type: "lost", error });
      }
    })();
    return () => reading.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query client and the status callback are stable enough; a new one must not restart the stream
  }, [projectId, runId]);

  return state;
}
