"use client";

/**
 * "Create in Port": POST blueprints/push. The answer carries the document as saved with its
 * new `pushed` record and version: it replaces the cached one, so the editors go on from it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BlueprintPushAnswer } from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import { documentKey } from "../fields/useStepDocument";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";

export function useBlueprintPush(projectId: string) {
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  return useMutation({
    mutationFn: async () => {
      const answer = await apiFetch<BlueprintPushAnswer>(`/api/projects/${encodeURIComponent(projectId)}/blueprints/push`, { method: "POST" });
      client.setQueryData(documentKey(projectId, "blueprints"), answer.document);
      return answer.report;
    },
    // A failed push may still have saved nothing or something: read the document again then.
    onError: () => client.invalidateQueries({ queryKey: documentKey(projectId, "blueprints") }),
    onSettled: () => invalidateStatus(),
  });
}
