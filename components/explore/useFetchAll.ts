"use client";

/**
 * "Fetch all pages": POST explore/fetch-all answers a stream of NDJSON events, which
 * react-query does not stream, so this hook runs it with fetch and an AbortController
 * (fetch-all-run.ts). Cancel aborts the request; the server stops and keeps what it had
 * read. Leaving the page cancels the same way.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { FetchAllRequest } from "@/lib/builder/contracts";
import { runFetchAll } from "./fetch-all-run";
import { fetchAllReducer, IDLE, type FetchAllAction } from "./fetch-all-state";
import { useSamplesChanged } from "./useSamples";

export function useFetchAll(projectId: string) {
  const [state, dispatch] = useReducer(fetchAllReducer, IDLE);
  const current = useRef<AbortController | null>(null);
  const samplesChanged = useSamplesChanged(projectId);

  useEffect(() => () => current.current?.abort(), []);

  /** Starts a run (cancelling one still going); resolves when it has ended. */
  const start = async (request: FetchAllRequest) => {
    current.current?.abort();
    const run = new AbortController();
    current.current = run;
    // Only the latest run may change the state (an aborted older run's ending must not).
    const report = (action: FetchAllAction) => {
      if (current.current === run) dispatch(action);
    };
    await runFetchAll(`/api/projects/${encodeURIComponent(projectId)}/explore/fetch-all`, request, run.signal, report);
    if (current.current === run) current.current = null;
    void samplesChanged();
  };

  const cancel = useCallback(() => {
    dispatch({ type: "cancel" });
    current.current?.abort();
  }, []);

  return { state, start, cancel };
}
