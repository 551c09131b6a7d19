"use client";

/** Sending a request and following its next page (POST explore, POST explore/next). */
import { useMutation } from "@tanstack/react-query";
import type { ExploreRequest, ExploreResponse } from "@/lib/builder/contracts";
import { postJson } from "./api-answer";
import { useSamplesChanged } from "./useSamples";

const exploreUrl = (projectId: string, rest = "") => `/api/projects/${encodeURIComponent(projectId)}/explore${rest}`;

export function useSendExplore(projectId: string) {
  const samplesChanged = useSamplesChanged(projectId);
  return useMutation({
    mutationFn: (request: ExploreRequest) => postJson(exploreUrl(projectId), request).then((r) => r.json() as Promise<ExploreResponse>),
    onSuccess: (answer) => {
      if (answer.sample) void samplesChanged();
    },
  });
}

export function useNextPage(projectId: string) {
  const samplesChanged = useSamplesChanged(projectId);
  return useMutation({
    mutationFn: (endpoint: string) => postJson(exploreUrl(projectId, "/next"), { endpoint }).then((r) => r.json() as Promise<ExploreResponse>),
    onSuccess: (answer) => {
      if (answer.sample) void samplesChanged();
    },
  });
}
