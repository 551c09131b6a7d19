/**
 * Runs once when the server starts (Node runtime only): see lib/server/startup.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/startup");
    startServer();
  }
}
