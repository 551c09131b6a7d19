"use client";

/** The saved versions of the mapping (newest first) and one version's text, through react-query. */
import { useQuery } from "@tanstack/react-query";
import type { MappingVersionSummary, MappingVersionText } from "@/lib/builder/mapping-contracts";
import { apiFetch } from "../api";
import { mappingKey, mappingUrl } from "./useMappingDocument";

export function useMappingVersions(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...mappingKey(projectId), "versions"],
    queryFn: () => apiFetch<{ versions: MappingVersionSummary[] }>(`${mappingUrl(projectId)}/versions`),
    enabled,
  });
}

export function useMappingVersion(projectId: string, version: number | null) {
  return useQuery({
    queryKey: [...mappingKey(projectId), "versions", version],
    queryFn: () => apiFetch<MappingVersionText>(`${mappingUrl(projectId)}/versions/${version}`),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
