"use client";

/** "Create in Port": POST blueprints/push; afterwards the document (its `pushed` record) and the step rail are stale. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EnsureBlueprintsReport } from "@/lib/port";
import { apiFetch } from "../api";
import { documentKey } from "../fields/useStepDocument";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";

export function useBlueprintPush(projectId: string) {
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  return useMutation({
    mutationFn: () => apiFetch<{ report: EnsureBlueprintsReport }>(`/api/projects/${encodeURIComponent(projectId)}/blueprints/push`, { method: "POST" }).then((r) => r.report),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: documentKey(projectId, "blueprints") }), invalidateStatus()]),
  });
}
