"use client";

/**
 * The project's mapping YAML for editing: loaded with react-query, edited through the
 * step documents' DocumentStore (components/fields): debounced autosave with the version
 * it loaded, 409 kept as a conflict without losing the text, a save still out when the
 * person leaves the step finishing in the background. A project without a mapping starts
 * from the server's starting text, saved at once as version 1 (the first history entry).
 * Ctrl+S (`saveNow`) saves immediately as its own history entry.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { StoredMapping } from "@/lib/builder/mapping-contracts";
import { apiFetch } from "../api";
import { KEEPALIVE_MAX_CHARS, useSaveOnLeave } from "../fields/useSaveOnLeave";
import { DocumentStore, type DocumentSnapshot } from "../fields/document-store";
import { useInvalidateProjectStatus } from "../project/useProjectStatus";
import { useProjectAccess } from "../project/useProjectAccess";

export const MAPPING_SAVE_DELAY_MS = 800;
const textSize = (yaml: string) => yaml.length;

export const mappingKey = (projectId: string) => ["project", projectId, "mapping"] as const;
export const mappingUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/mapping`;

interface Entry {
  store: DocumentStore<string>;
  /** Metadata for the next save (Ctrl+S, a restore). */
  next: { checkpoint: boolean; note?: string };
  /** Makes the next save its own history entry. */
  markCheckpoint(note?: string): void;
}

const stores = new Map<string, Entry>();

function entryFor(projectId: string): Entry {
  let entry = stores.get(projectId);
  if (!entry) {
    const e: Entry = {
      next: { checkpoint: false },
      store: null as unknown as DocumentStore<string>,
      markCheckpoint(note) {
        e.next = { checkpoint: true, ...(note ? { note } : {}) };
      },
    };
    e.store = new DocumentStore<string>({
      empty: "",
      delayMs: MAPPING_SAVE_DELAY_MS,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      save: async (version, yaml, { keepalive }) => {
        const meta = e.next;
        e.next = { checkpoint: false };
        const body = JSON.stringify({ version, yaml, ...meta });
        const saved = await apiFetch<StoredMapping>(mappingUrl(projectId), { method: "PUT", body, keepalive: keepalive && body.length <= KEEPALIVE_MAX_CHARS });
        return { version: saved.version, content: saved.yaml };
      },
    });
    stores.set(projectId, e);
    entry = e;
  }
  return entry;
}

export interface MappingDocument extends DocumentSnapshot<string> {
  loadError: Error | null;
  /** What the text started from when the project had no mapping (notes in words). */
  startNotes: string[] | null;
  edit(yaml: string): void;
  /** Saves now, as its own history entry. */
  saveNow(note?: string): Promise<void>;
  retry(): void;
  reload(): Promise<void>;
  hasUnsaved(): boolean;
}

export function useMappingDocument(projectId: string): MappingDocument {
  const { store, markCheckpoint } = entryFor(projectId);
  const client = useQueryClient();
  const invalidateStatus = useInvalidateProjectStatus(projectId);
  const { access, canEdit } = useProjectAccess(projectId);
  const query = useQuery({ queryKey: mappingKey(projectId), queryFn: () => apiFetch<StoredMapping>(mappingUrl(projectId)), staleTime: Infinity });
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  useEffect(() => {
    // The query keeps what was loaded (and the start notes); the store holds what was saved since.
    store.setOnSaved(() => {
      void client.invalidateQueries({ queryKey: [...mappingKey(projectId), "versions"] });
      void invalidateStatus();
    });
  }, [store, client, projectId, invalidateStatus]);

  useEffect(() => {
    const data = query.data;
    if (!data || access === undefined) return;
    const first = !store.getSnapshot().loaded;
    // A viewer is shown the starting text without saving it (the server would refuse it).
    store.receive({ version: data.version, content: data.yaml ?? (canEdit ? "" : (data.start?.yaml ?? "")) });
    // No mapping yet: the starting text, saved as the first version (once, never over edits).
    if (first && canEdit && data.yaml === null && data.start) store.edit(() => data.start!.yaml);
  }, [store, query.data, access, canEdit]);

  useSaveOnLeave(store, textSize);

  const reload = useCallback(async () => {
    const fresh = await client.fetchQuery({ queryKey: mappingKey(projectId), queryFn: () => apiFetch<StoredMapping>(mappingUrl(projectId)), staleTime: 0 });
    store.receive({ version: fresh.version, content: fresh.yaml ?? fresh.start?.yaml ?? "" }, { force: true });
  }, [client, projectId, store]);

  const saveNow = useCallback(
    async (note?: string) => {
      // With nothing new to save, the checkpoint marks the next save.
      markCheckpoint(note);
      if (store.hasUnsaved()) await store.flush();
    },
    [store, markCheckpoint],
  );

  return {
    ...snapshot,
    loadError: query.error,
    startNotes: query.data?.yaml === null ? (query.data.start?.notes ?? null) : null,
    edit: useCallback((yaml: string) => store.edit(() => yaml), [store]),
    saveNow,
    retry: useCallback(() => void store.retry(), [store]),
    reload,
    hasUnsaved: useCallback(() => store.hasUnsaved(), [store]),
  };
}
