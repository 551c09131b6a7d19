/** The Sync step's react-query keys and API paths; everything under `syncKeys.all` is refreshed when a run ends. */
export const syncKeys = {
  all: (projectId: string) => ["project", projectId, "sync"] as const,
  overview: (projectId: string) => ["project", projectId, "sync", "overview"] as const,
  runs: (projectId: string) => ["project", projectId, "sync", "runs"] as const,
  run: (projectId: string, runId: string) => ["project", projectId, "sync", "runs", runId] as const,
  plan: (projectId: string) => ["project", projectId, "sync", "plan"] as const,
  schedule: (projectId: string) => ["project", projectId, "sync", "schedule"] as const,
};

export const syncPath = (projectId: string, rest = "") => `/api/projects/${encodeURIComponent(projectId)}/sync${rest}`;
