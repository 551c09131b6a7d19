"use client";

/**
 * Leaving a step with unsaved edits: closing the tab sends them with a keepalive request
 * (and asks the browser to warn when that cannot be trusted: a failed or refused save, or
 * a body too large for keepalive); leaving inside the app lets the save go on. Shared by
 * every DocumentStore the builder's steps edit (fields, blueprints, mapping).
 */
import { useEffect } from "react";
import type { DocumentStore } from "./document-store";

/** Browsers refuse keepalive requests with bodies past 64 KiB. */
export const KEEPALIVE_MAX_CHARS = 60_000;

export function useSaveOnLeave<T>(store: DocumentStore<T>, bodySize: (content: T) => number): void {
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!store.hasUnsaved()) return;
      const { status, content } = store.getSnapshot();
      void store.flush({ keepalive: true });
      if (status.state === "error" || status.state === "conflict" || bodySize(content) > KEEPALIVE_MAX_CHARS) event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      // Leaving the step inside the app: the save goes on in the background.
      void store.flush();
    };
  }, [store, bodySize]);
}
