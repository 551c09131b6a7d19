/**
 * Runs once when the server starts (Node runtime only): see lib/server/startup.ts. Then
 * the sync runner (lib/builder/sync-start.ts), once per process: its first pass marks
 * runs a crash left running as interrupted. A runner that cannot start is logged, never
 * fatal: everything but syncing still works, and the Sync page says the runner is off.
 * The imports stay inside the Node branch so the edge build never sees them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/startup");
    startServer();
    try {
      const { startAppSyncRunner } = await import("./lib/builder/sync-start");
      startAppSyncRunner();
    } catch (error) {
      console.error("The sync runner did not start; syncs cannot run until the server restarts:", error);
    }
  }
}
