/**
 * Runs once when the server starts (Node runtime only): see lib/server/startup.ts. Then
 * the sync runner (lib/sync/README.md, "Server"), once per process: its first pass marks
 * runs a crash left running as interrupted. A runner that cannot start is logged, never
 * fatal: everything but syncing still works, and the Sync page says the runner is off.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/startup");
    startServer();
    await startRunner();
  }
}

async function startRunner(): Promise<void> {
  try {
    const { startSyncRunner } = await import("./lib/sync/runner");
    const { projectJobLoader } = await import("./lib/sync/project-job");
    const { createNodeJqPool } = await import("./lib/jq/server");
    const { appBuilderDeps } = await import("./lib/builder/app-deps");
    const { lazyJqEngine } = await import("./lib/builder/sync-jq");
    const { logger } = await import("./lib/server/log");
    const { availableParallelism } = await import("node:os");
    const deps = appBuilderDeps();
    startSyncRunner({
      db: deps.db,
      // The pool's default size (lib/jq/node-pool.ts), made at the first sync.
      loadJob: projectJobLoader({ deps, engine: lazyJqEngine(() => createNodeJqPool(), Math.min(2, availableParallelism())) }),
      onProblem: (message, error) => logger().warn({ err: error }, message),
    });
  } catch (error) {
    console.error("The sync runner did not start; syncs cannot run until the server restarts:", error);
  }
}
