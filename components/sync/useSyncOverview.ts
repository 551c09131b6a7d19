"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyncOverview } from "@/lib/builder/sync-contracts";
import { apiFetch } from "../api";
import { syncKeys, syncPath } from "./sync-keys";

/** What stops a sync, the run in progress, the schedule, and whether Port is the demo one. */
export function useSyncOverview(projectId: string) {
  return useQuery({ queryKey: syncKeys.overview(projectId), queryFn: () => apiFetch<SyncOverview>(syncPath(projectId)) });
}
