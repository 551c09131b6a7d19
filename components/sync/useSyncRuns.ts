"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyncRunDetail, SyncRunView } from "@/lib/builder/sync-contracts";
import { apiFetch } from "../api";
import { syncKeys, syncPath } from "./sync-keys";

/** The run history, newest first. */
export function useSyncRuns(projectId: string) {
  return useQuery({ queryKey: syncKeys.runs(projectId), queryFn: () => apiFetch<SyncRunView[]>(syncPath(projectId, "/runs")) });
}

/** One run with its errors (none while `runId` is null). */
export function useSyncRunDetail(projectId: string, runId: string | null) {
  return useQuery({
    queryKey: syncKeys.run(projectId, runId ?? ""),
    queryFn: () => apiFetch<SyncRunDetail>(syncPath(projectId, `/runs/${encodeURIComponent(runId!)}`)),
    enabled: runId !== null,
  });
}
