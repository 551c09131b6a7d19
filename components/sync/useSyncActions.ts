"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StartSyncRequest, SyncRunView } from "@/lib/builder/sync-contracts";
import { apiFetch } from "../api";
import { syncKeys, syncPath } from "./sync-keys";

/** Start (a sync, a dry run, a verify) and cancel; both refresh the page's sync data. */
export function useSyncActions(projectId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: syncKeys.all(projectId) });
  const start = useMutation({
    mutationFn: (body: StartSyncRequest) => apiFetch<SyncRunView>(syncPath(projectId, "/runs"), { method: "POST", body: JSON.stringify(body) }),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: (runId: string) => apiFetch<SyncRunView>(syncPath(projectId, `/runs/${encodeURIComponent(runId)}`), { method: "DELETE" }),
    onSettled: refresh,
  });
  return { start, cancel };
}
