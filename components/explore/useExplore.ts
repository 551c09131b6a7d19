"use client";

/** Sending a request and following its next page (POST explore, POST explore/next). */
import { useMutation } from "@tanstack/react-query";
import type { ExploreRequest, ExploreResponse } from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import { useSamplesChanged } from "./useSamples";

const exploreUrl = (projectId: string, rest = "") => `/api/projects/${encodeURIComponent(projectId)}/explore${rest}`;

export function useSendExplore(projectId: string) {
  const samplesChanged = useSamplesChanged(projectId);
  return useMutation({
    mutationFn: (request: ExploreRequest) => apiFetch<ExploreResponse>(exploreUrl(projectId), { method: "POST", body: JSON.stringify(request) }),
    onSuccess: (answer) => {
      if (answer.sample) void samplesChanged();
    },
  });
}

export function useNextPage(projectId: string) {
  const samplesChanged = useSamplesChanged(projectId);
  return useMutation({
    mutationFn: (endpoint: string) => apiFetch<ExploreResponse>(exploreUrl(projectId, "/next"), { method: "POST", body: JSON.stringify({ endpoint }) }),
    onSuccess: (answer) => {
      if (answer.sample) void samplesChanged();
    },
  });
}
