"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ConnectionsView,
  ConnectionTestResult,
  GraphConnectionInput,
  GraphConnectionView,
  PortConnectionInput,
  PortConnectionView,
} from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";
import { withSecret } from "./drafts";
import type { OneShotSecret } from "./one-shot-secret";

export type ConnectionTarget = "graph" | "port";

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/connections`;
export const connectionsKey = (projectId: string) => ["project", projectId, "connections"] as const;

/** The project's connections as the API shows them: secrets only as "set" / "not set". */
export function useConnections(projectId: string) {
  return useQuery({ queryKey: connectionsKey(projectId), queryFn: () => apiFetch<ConnectionsView>(base(projectId)) });
}

/** What a save sends: the body without its secret, and the secret in a box the request empties. */
export interface SaveVariables<I> {
  input: I;
  secret: OneShotSecret;
}

function useSaveConnection<I extends GraphConnectionInput | PortConnectionInput, V>(projectId: string, target: ConnectionTarget) {
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  return useMutation({
    mutationKey: ["project", projectId, "connection-save", target],
    mutationFn: ({ input, secret }: SaveVariables<I>) =>
      apiFetch<Record<ConnectionTarget, V>>(`${base(projectId)}/${target}`, {
        method: "PUT",
        body: JSON.stringify(withSecret(input, secret.take())),
      }).then((answer) => answer[target]),
    onSuccess: (view) => {
      client.setQueryData<ConnectionsView>(connectionsKey(projectId), (old) => (old ? { ...old, [target]: view } : old));
      void client.invalidateQueries({ queryKey: connectionsKey(projectId) });
      void invalidateStatus();
    },
  });
}

export const useSaveGraphConnection = (projectId: string) => useSaveConnection<GraphConnectionInput, GraphConnectionView>(projectId, "graph");
export const useSavePortConnection = (projectId: string) => useSaveConnection<PortConnectionInput, PortConnectionView>(projectId, "port");

/** "Test connection": gets a token and reads what the builder needs, check by check. */
export function useTestConnection(projectId: string, target: ConnectionTarget) {
  return useMutation({
    mutationKey: ["project", projectId, "connection-test", target],
    mutationFn: () => apiFetch<ConnectionTestResult>(`${base(projectId)}/${target}/test`, { method: "POST" }),
  });
}
