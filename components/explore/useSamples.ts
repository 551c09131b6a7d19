"use client";

/** Server state of the project's samples (react-query over /api/projects/[id]/samples). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SampleSummary } from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";

export const samplesKey = (projectId: string) => ["project", projectId, "samples"] as const;

const samplesUrl = (projectId: string, endpoint?: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/samples${endpoint === undefined ? "" : `?endpoint=${encodeURIComponent(endpoint)}`}`;

export function useSamples(projectId: string) {
  return useQuery({
    queryKey: samplesKey(projectId),
    queryFn: () => apiFetch<{ samples: SampleSummary[] }>(samplesUrl(projectId)).then((r) => r.samples),
  });
}

/** One sample's items; only asked for when `enabled` (the sample is known to exist). */
export function useSampleItems(projectId: string, endpoint: string, enabled: boolean) {
  return useQuery({
    queryKey: [...samplesKey(projectId), "items", endpoint],
    enabled,
    queryFn: () => apiFetch<{ sample: SampleSummary; items: unknown[] }>(samplesUrl(projectId, endpoint)).then((r) => r.items),
  });
}

/** After a sample was written or deleted: the list, its items and the step rail are stale. */
export function useSamplesChanged(projectId: string) {
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  return () => Promise.all([client.invalidateQueries({ queryKey: samplesKey(projectId) }), invalidateStatus()]);
}

export function useDeleteSample(projectId: string) {
  const samplesChanged = useSamplesChanged(projectId);
  return useMutation({
    mutationFn: (endpoint: string) => apiFetch<void>(samplesUrl(projectId, endpoint), { method: "DELETE" }),
    onSettled: () => samplesChanged(),
  });
}
