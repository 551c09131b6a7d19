"use client";

/** Server state of the Fields step: the kept samples, and the fields inferred from one of them. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { FieldsAnswer, SampleSummary } from "@/lib/builder/contracts";
import { apiFetch } from "../api";

/** The same key (and shape) as the Explore step's sample list, so a new sample refreshes both. */
export const samplesKey = (projectId: string) => ["project", projectId, "samples"] as const;

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export function useSampleList(projectId: string) {
  return useQuery({
    queryKey: samplesKey(projectId),
    queryFn: () => apiFetch<{ samples: SampleSummary[] }>(`${base(projectId)}/samples`).then((r) => r.samples),
  });
}

/** Under the samples key: when a sample changes (Explore invalidates the list), its fields are refetched too. */
export const fieldInferenceQuery = (projectId: string, endpoint: string) =>
  queryOptions({
    queryKey: [...samplesKey(projectId), "fields", endpoint] as const,
    queryFn: () => apiFetch<FieldsAnswer>(`${base(projectId)}/fields?endpoint=${encodeURIComponent(endpoint)}`),
    staleTime: 60_000,
  });

export function useFieldInference(projectId: string, endpoint: string | null) {
  return useQuery({ ...fieldInferenceQuery(projectId, endpoint ?? ""), enabled: endpoint !== null });
}
