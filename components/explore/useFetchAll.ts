"use client";

/**
 * "Fetch all pages": POST explore/fetch-all answers a stream of NDJSON events, which
 * react-query does not stream, so this hook runs it with fetch (fetch-all-run.ts).
 * Cancel asks the server to stop (DELETE) and reads on to the run's last event, so the
 * page can say exactly what was kept; leaving the page drops the stream and cancels too.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { FetchAllRequest } from "@/lib/builder/contracts";
import { cancelFetchAll, runFetchAll } from "./fetch-all-run";
import { fetchAllReducer, IDLE, type FetchAllAction } from "./fetch-all-state";
import { useSamplesChanged } from "./useSamples";

export function useFetchAll(projectId: string) {
  const [state, dispatch] = useReducer(fetchAllReducer, IDLE);
  const current = useRef<AbortController | null>(null);
  const samplesChanged = useSamplesChanged(projectId);

  const url = `/api/projects/${encodeURIComponent(projectId)}/explore/fetch-all`;
  useEffect(
    () => () => {
      if (!current.current) return;
      current.current.abort();
      void cancelFetchAll(url);
    },
    [url],
  );

  /** Starts a run (cancelling one still going); resolves when it has ended. */
  const start = async (request: FetchAllRequest) => {
    current.current?.abort();
    const run = new AbortController();
    current.current = run;
    // Only the latest run may change the state (an aborted older run's ending must not).
    const report = (action: FetchAllAction) => {
      if (current.current === run) dispatch(action);
    };
    await runFetchAll(url, request, run.signal, report);
    if (current.current === run) current.current = null;
    void samplesChanged();
  };

  const cancel = useCallback(() => {
    dispatch({ type: "cancel" });
    const run = current.current;
    void cancelFetchAll(url).then((asked) => {
      if (!asked) run?.abort();
    });
  }, [url]);

  return { state, start, cancel };
}
