/**
 * Starts this server process's sync runner (lib/sync/README.md, "Server"): the project's
 * job loader over the app's BuilderDeps, a jq pool made at the first sync (its worker
 * threads are not paid for by a server that never syncs), problems to the server log.
 * Node only: instrumentation.ts imports it in the Node runtime's branch.
 */
import { availableParallelism } from "node:os";
import { createNodeJqPool } from "../jq/server";
import { env } from "../server/env";
import { logger } from "../server/log";
import { startSyncRunner, type SyncRunner } from "../sync/runner";
import { projectJobLoader } from "../sync/project-job";
import { appBuilderDeps } from "./app-deps";
import { lazyJqEngine } from "./sync-jq";

export function startAppSyncRunner(): SyncRunner {
  const deps = appBuilderDeps();
  // The pool's default size (lib/jq/node-pool.ts).
  const engine = lazyJqEngine(() => createNodeJqPool(), Math.min(2, availableParallelism()));
  return startSyncRunner({
    db: deps.db,
    // State writes on their own SQLite connection: cheaper than through Prisma (lib/sync/state-sql.ts).
    databaseFile: env().databaseFile,
    loadJob: projectJobLoader({ deps, engine }),
    onProblem: (message, error) => logger().warn({ err: error }, message),
  });
}
