"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProjectStatus } from "@/lib/builder/contracts";
import { apiFetch } from "../api";

export const projectStatusKey = (projectId: string) => ["project", projectId, "status"] as const;

/** Where the project stands, for the step rail; steps invalidate it after a change. */
export function useProjectStatus(projectId: string) {
  return useQuery({
    queryKey: projectStatusKey(projectId),
    queryFn: () => apiFetch<ProjectStatus>(`/api/projects/${encodeURIComponent(projectId)}/status`),
  });
}

export function useInvalidateProjectStatus(projectId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: projectStatusKey(projectId) });
}
