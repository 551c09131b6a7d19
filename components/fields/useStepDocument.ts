"use client";

/**
 * A versioned step document (`fields`, `blueprints`) for editing: loaded with react-query,
 * edited through a DocumentStore that autosaves (debounced) with the version it loaded.
 * One store per project and document lives as long as the tab, so a save that is still
 * out when the person navigates to another step finishes there and the next visit sees
 * it. Work is never dropped: pending edits are flushed when the page unmounts, and when
 * the tab closes (keepalive; the browser asks to stay when the save cannot go out).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { DocumentContent, DocumentKind, StoredDocument } from "@/lib/builder/contracts";
import { apiFetch } from "../api";
import { KEEPALIVE_MAX_CHARS, useSaveOnLeave } from "./useSaveOnLeave";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";
import { DocumentStore, type DocumentSnapshot } from "./document-store";

export const SAVE_DELAY_MS = 800;
const jsonSize = (content: unknown) => JSON.stringify(content).length;

export const documentKey = (projectId: string, kind: DocumentKind) => ["project", projectId, "document", kind] as const;

const documentUrl = (projectId: string, kind: DocumentKind) => `/api/projects/${encodeURIComponent(projectId)}/documents/${kind}`;

const EMPTY: { [K in DocumentKind]: DocumentContent<K> } = {
  fields: { resources: {} },
  blueprints: { blueprints: [], pushed: {} },
};

const stores = new Map<string, DocumentStore<unknown>>();

function storeFor<K extends DocumentKind>(projectId: string, kind: K): DocumentStore<DocumentContent<K>> {
  const key = `${projectId}\u0000${kind}`;
  let store = stores.get(key) as DocumentStore<DocumentContent<K>> | undefined;
  if (!store) {
    store = new DocumentStore<DocumentContent<K>>({
      empty: EMPTY[kind],
      delayMs: SAVE_DELAY_MS,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      save: (version, content, { keepalive }) => {
        const body = JSON.stringify({ version, content });
        return apiFetch<StoredDocument<K>>(documentUrl(projectId, kind), {
          method: "PUT",
          body,
          keepalive: keepalive && body.length <= KEEPALIVE_MAX_CHARS,
        });
      },
    });
    stores.set(key, store as DocumentStore<unknown>);
  }
  return store;
}

export function useStoredDocument<K extends DocumentKind>(projectId: string, kind: K) {
  return useQuery({
    queryKey: documentKey(projectId, kind),
    queryFn: () => apiFetch<StoredDocument<K>>(documentUrl(projectId, kind)),
  });
}

export interface StepDocument<T> extends DocumentSnapshot<T> {
  /** Loading the document failed. */
  loadError: Error | null;
  edit(update: (current: T) => T): void;
  /** Saves what is waiting now (before an action that reads the stored document). */
  flush(): Promise<void>;
  retry(): void;
  /** After a conflict: drop the local edits and take the stored document. */
  reload(): Promise<void>;
  hasUnsaved(): boolean;
}

export function useStepDocument<K extends DocumentKind>(projectId: string, kind: K): StepDocument<DocumentContent<K>> {
  const store = storeFor(projectId, kind);
  const query = useStoredDocument(projectId, kind);
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  useEffect(() => {
    store.setOnSaved((doc) => {
      client.setQueryData(documentKey(projectId, kind), doc);
      void invalidateStatus();
    });
  }, [store, client, projectId, kind, invalidateStatus]);

  useEffect(() => {
    if (query.data) store.receive(query.data);
  }, [store, query.data]);

  useSaveOnLeave(store, jsonSize);

  const reload = useCallback(async () => {
    const fresh = await client.fetchQuery({ queryKey: documentKey(projectId, kind), queryFn: () => apiFetch<StoredDocument<K>>(documentUrl(projectId, kind)), staleTime: 0 });
    store.receive(fresh, { force: true });
  }, [client, projectId, kind, store]);

  return {
    ...snapshot,
    loadError: query.error,
    edit: useCallback((update: (current: DocumentContent<K>) => DocumentContent<K>) => store.edit(update), [store]),
    flush: useCallback(() => store.flush(), [store]),
    retry: useCallback(() => void store.retry(), [store]),
    reload,
    hasUnsaved: useCallback(() => store.hasUnsaved(), [store]),
  };
}
