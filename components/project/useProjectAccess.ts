"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api";

export type ProjectAccess = "owner" | "edit" | "read";

export interface ProjectAccessInfo {
  access: ProjectAccess;
  ownerName: string;
}

/**
 * The caller's access to the project, for the step pages to disable editing for a read
 * share. Only a convenience: the server refuses every change a read share sends (403).
 */
export function useProjectAccess(projectId: string, initial?: ProjectAccessInfo) {
  const query = useQuery({
    queryKey: ["project", projectId, "access"],
    queryFn: () =>
      apiFetch<{ project: ProjectAccessInfo }>(`/api/projects/${encodeURIComponent(projectId)}`).then((r) => ({ access: r.project.access, ownerName: r.project.ownerName })),
    initialData: initial,
  });
  const info = query.data;
  return { ...info, canEdit: info ? info.access !== "read" : false, isOwner: info?.access === "owner" };
}
