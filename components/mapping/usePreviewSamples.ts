"use client";

/**
 * The preview sample of every resource (of the configuration as it stands after a pause in
 * typing, so `$select: id,dep...` is not fetched letter by letter), read from Graph through the server
 * (POST mapping/preview-sample) and cached by react-query under the request itself: the
 * same kind and query is read once, a changed `$select` is read again. A nested kind
 * first reads its discovery listing, evaluates data_path, filter and field on it with the
 * preview's jq engine (in the browser worker), then asks for the first parents' listings.
 */
import { useQueries, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { PREVIEW_MAX_PARENTS, type PreviewSample, type PreviewSampleRequest } from "@/lib/builder/mapping-contracts";
import type { JqEngine } from "@/lib/jq";
import type { PortAppConfig } from "@/lib/mapping";
import { apiFetch } from "../api";
import { discoveryValues } from "./discovery";
import type { SampleState } from "./preview-run";
import { sampleRequestFor, type ResourceSampleRequest } from "./sample-requests";
import { useProjectAccess } from "../project/useProjectAccess";

const sampleKey = (projectId: string, request: unknown) => ["project", projectId, "preview-sample", request] as const;

/** What identifies a resource's sample: two resources with the same key share it. */
export function sampleIdentity(r: ResourceSampleRequest): unknown {
  return r.kind === "nested" ? { ...r.request, discovery: r.spec } : r.kind === "plain" ? r.request : { invalid: r.message };
}

function post(projectId: string, request: PreviewSampleRequest, signal?: AbortSignal): Promise<PreviewSample> {
  return apiFetch<PreviewSample>(`/api/projects/${encodeURIComponent(projectId)}/mapping/preview-sample`, { method: "POST", body: JSON.stringify(request), signal });
}

async function nestedSample(client: QueryClient, projectId: string, engine: JqEngine, r: Extract<ResourceSampleRequest, { kind: "nested" }>, signal: AbortSignal): Promise<PreviewSample> {
  const discovery = await client.fetchQuery({ queryKey: sampleKey(projectId, r.discovery), queryFn: ({ signal: s }) => post(projectId, r.discovery, s), staleTime: Infinity });
  if (discovery.problem) {
    return { ...discovery, kind: r.request.kind, pages: [], items: 0, parents: null, problem: { ...discovery.problem, message: `Reading the parents from ${r.spec.endpoint}: ${discovery.problem.message}` } };
  }
  const found = await discoveryValues(engine, r.spec, discovery);
  if (found.error) throw new Error(found.error);
  const values = found.values.slice(0, PREVIEW_MAX_PARENTS);
  const total = discovery.truncated ? null : found.values.length;
  return post(projectId, { ...r.request, parent: { param: r.param, values, total } }, signal);
}

export interface PreviewSamples {
  /** By sample identity (JSON of sampleIdentity). */
  samples: Map<string, SampleState>;
  /** Some sample is being read. */
  fetching: boolean;
  /** Reads every sample again from Graph. */
  refresh(): Promise<void>;
}

/** A viewer's preview: samples are read from Graph with the project's connection. */
const VIEWER_NO_SAMPLE = {
  status: "error" as const,
  message: "The preview reads samples from Graph with the project's connection, which needs edit access.",
  hint: "Ask the project's owner for edit access to see the preview.",
};

export function usePreviewSamples(projectId: string, config: PortAppConfig | null, engine: JqEngine | null): PreviewSamples {
  const client = useQueryClient();
  const { access, canEdit } = useProjectAccess(projectId);
  const requests = useMemo(() => (config?.resources ?? []).map(sampleRequestFor), [config]);
  const combine = useCallback(
    (results: { data?: PreviewSample; error: Error | null; isFetching: boolean }[]) => {
      const samples = new Map<string, SampleState>();
      results.forEach((q, i) => {
        const r = requests[i]!;
        const id = JSON.stringify(sampleIdentity(r));
        if (r.kind === "invalid") samples.set(id, { status: "error", message: r.message, hint: r.hint });
        else if (access !== undefined && !canEdit) samples.set(id, VIEWER_NO_SAMPLE);
        else if (q.data) samples.set(id, { status: "ready", sample: q.data });
        else if (q.error) samples.set(id, { status: "error", message: q.error.message, hint: (q.error as { hint?: string }).hint });
        else samples.set(id, { status: "loading" });
      });
      return { samples, fetching: results.some((q) => q.isFetching) };
    },
    [requests, access, canEdit],
  );
  const { samples, fetching } = useQueries({
    queries: requests.map((r) => ({
      queryKey: sampleKey(projectId, sampleIdentity(r)),
      staleTime: Infinity,
      retry: false,
      enabled: canEdit && (r.kind === "plain" || (r.kind === "nested" && engine !== null)),
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<PreviewSample> => {
        if (r.kind === "plain") return post(projectId, r.request, signal);
        if (r.kind === "nested") return nestedSample(client, projectId, engine!, r, signal);
        return Promise.reject(new Error(r.message));
      },
    })),
    combine,
  });
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: ["project", projectId, "preview-sample"] }), [client, projectId]);
  return { samples, fetching, refresh };
}
