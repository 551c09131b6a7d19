"use client";

import { useQuery } from "@tanstack/react-query";
import type { SampleSummary } from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import type { GraphRead } from "./permissions";

/** What the project's samples read from Graph (path, $select, $filter), for the permission list. */
export function useSampleReads(projectId: string) {
  return useQuery({
    // Under the project's samples key, so whoever invalidates samples refreshes this too.
    queryKey: ["project", projectId, "samples", "reads"],
    queryFn: () => apiFetch<{ samples: SampleSummary[] }>(`/api/projects/${encodeURIComponent(projectId)}/samples`),
    select: (answer): GraphRead[] =>
      answer.samples.map((s) => ({ path: s.endpoint, select: s.request.query.$select, filter: s.request.query.$filter })),
  });
}
