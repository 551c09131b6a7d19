"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyncPlanView } from "@/lib/builder/sync-contracts";
import { apiFetch } from "../api";
import { syncKeys, syncPath } from "./sync-keys";

/** The last dry run's plan per blueprint (and drift when it verified against Port); null before the first. */
export function useSyncPlan(projectId: string) {
  return useQuery({ queryKey: syncKeys.plan(projectId), queryFn: () => apiFetch<SyncPlanView | null>(syncPath(projectId, "/plan")) });
}
