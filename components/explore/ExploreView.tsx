"use client";

/**
 * Entry of the Explore step. The workspace reads the tab's saved draft on its first
 * render, which only the browser has: it mounts once hydrated, so server and client
 * render the same placeholder first.
 */
import { useSyncExternalStore } from "react";
import { ExploreWorkspace } from "./ExploreWorkspace";

const noSubscription = () => () => {};

export function ExploreView({ projectId }: { projectId: string }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!hydrated) {
    return (
      <div className="panel">
        <p className="muted" role="status">Loading the Explore step…</p>
      </div>
    );
  }
  return <ExploreWorkspace projectId={projectId} />;
}
