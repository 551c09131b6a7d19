"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ScheduleRequest, SyncScheduleView } from "@/lib/builder/sync-contracts";
import { apiFetch } from "../api";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";
import { syncKeys, syncPath } from "./sync-keys";

export function useSyncSchedule(projectId: string) {
  const client = useQueryClient();
  const statusChanged = useInvalidateProjectStatus(projectId);
  const schedule = useQuery({ queryKey: syncKeys.schedule(projectId), queryFn: () => apiFetch<SyncScheduleView | null>(syncPath(projectId, "/schedule")) });
  const settled = () => {
    void client.invalidateQueries({ queryKey: syncKeys.overview(projectId) });
    void statusChanged();
  };
  const save = useMutation({
    mutationFn: (body: ScheduleRequest) => apiFetch<SyncScheduleView>(syncPath(projectId, "/schedule"), { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (saved) => client.setQueryData(syncKeys.schedule(projectId), saved),
    onSettled: settled,
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<void>(syncPath(projectId, "/schedule"), { method: "DELETE" }),
    onSuccess: () => client.setQueryData(syncKeys.schedule(projectId), null),
    onSettled: settled,
  });
  return { schedule, save, remove };
}
