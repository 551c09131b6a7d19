/**
 * The fetch-all runs going on in this process, one per project: Cancel is a request of
 * its own (`DELETE explore/fetch-all`) rather than the browser dropping the stream,
 * because a dropped connection is not reliably seen by the server (it went on reading
 * Graph), and because the page then still receives the run's last event and can say
 * exactly what was kept. Starting a run cancels the project's previous one.
 */
const running = new Map<string, AbortController>();

export interface FetchAllRun {
  signal: AbortSignal;
  /** Forgets the run (call when it has ended). */
  release(): void;
}

export function startFetchAllRun(projectId: string): FetchAllRun {
  running.get(projectId)?.abort();
  const controller = new AbortController();
  running.set(projectId, controller);
  return {
    signal: controller.signal,
    release: () => {
      if (running.get(projectId) === controller) running.delete(projectId);
    },
  };
}

/** Cancels the project's run; false when none is going on. */
export function cancelFetchAllRun(projectId: string): boolean {
  const controller = running.get(projectId);
  if (!controller) return false;
  controller.abort();
  running.delete(projectId);
  return true;
}
