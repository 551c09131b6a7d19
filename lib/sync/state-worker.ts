/**
 * The state store's own SQLite connection, on a worker thread: better-sqlite3 is
 * synchronous, and on the event loop's thread every statement, commit and WAL checkpoint
 * (an fsync) of the state stopped the fetching, mapping and Port writes with it
 * (bench/sync.bench.ts: the state's statements and commits were the largest self time of
 * the sync's main thread). Here they run beside the pipeline, and a lock held by another
 * connection is waited for with SQLite's own busy timeout, blocking only this thread.
 *
 * The worker knows no SQL of its own: it runs the statements state-sql.ts sends, over
 * rows of text values, each batch in one transaction. Rows travel flat (one array of
 * `width` values per row, end to end): copying one array of strings between threads costs
 * far less than an array per row (bench/sync.bench.ts). Its body is plain CommonJS
 * evaluated from a string (like lib/jq/node-pool.ts), so it runs the same under tsx,
 * vitest and a bundled server.
 */
import { Worker } from "node:worker_threads";
import { STATE_WAL_AUTOCHECKPOINT, walPragmas } from "../server/db/wal-policy";
import { moduleUrl, resolvePackage } from "../server/resolve-package";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.betterSqlite3);
const sqlite = new Database(workerData.file);
sqlite.pragma("busy_timeout = " + workerData.busyTimeoutMs);
// Only the sync's state: a commit lost to a power cut is an entity planned again next run
// (an upsert Port already holds), so no fsync per commit (WAL keeps the file consistent).
sqlite.pragma("synchronous = NORMAL");
// When the log is folded into the file: lib/server/db/wal-policy.ts.
sqlite.exec(workerData.walPragmas);
const statements = new Map();
const prepared = (sql) => {
  let stmt = statements.get(sql);
  if (!stmt) statements.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
};
const ops = {
  run: (sql, width, values) => sqlite.transaction(() => {
    const s = prepared(sql);
    for (let i = 0; i < values.length; i += width) s.run(values.slice(i, i + width));
  })(),
  // One statement, its parameters \`values\`; every row it returns, laid end to end.
  all: (sql, _width, values) => {
    const out = [];
    for (const row of prepared(sql).raw().all(values)) for (const v of row) out.push(v);
    return out;
  },
};
parentPort.on("message", ({ id, op, sql, width, values }) => {
  if (op === "close") { sqlite.close(); parentPort.postMessage({ id, ok: true }); return; }
  try {
    parentPort.postMessage({ id, ok: true, result: ops[op](sql, width, values) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: { message: String(error && error.message || error), code: error && error.code } });
  }
});
`;

/** Rows laid end to end: `width` values per row. */
export interface FlatRows {
  width: number;
  values: readonly string[];
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string; code?: string };
}

/** An error of the state's connection, with SQLite's code kept (SQLITE_BUSY, SQLITE_FULL...). */
export class StateDatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "StateDatabaseError";
  }
}

export interface StateConnection {
  /** `sql` once per row, all in one transaction. */
  run(sql: string, rows: FlatRows): Promise<void>;
  /** `sql` once with `params`; every row it returns, laid end to end. */
  all(sql: string, params: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

export function openStateConnection(file: string, options: { busyTimeoutMs?: number } = {}): StateConnection {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // What the thread holds lives for one batch (rows in, statements run, rows out): a small
    // young generation frees it as often, instead of letting 50 MB of it pile up during a
    // resync's reads (bench/sync.bench.ts: peak RSS 15-20 MB lower, CPU unchanged).
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
    workerData: { file, betterSqlite3: resolvePackage("better-sqlite3", moduleUrl(() => import.meta.url)), busyTimeoutMs: options.busyTimeoutMs ?? 30_000, walPragmas: walPragmas(STATE_WAL_AUTOCHECKPOINT) },
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let gone: Error | null = null;
  const failAll = (error: Error) => {
    gone = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new StateDatabaseError(reply.error!.message, reply.error!.code));
  });
  worker.on("error", (error) => failAll(new StateDatabaseError(`The sync state's database thread failed: ${error.message}`, undefined)));
  worker.on("exit", () => failAll(new StateDatabaseError("The sync state's database thread has stopped.", undefined)));
  // No message pending: the thread does not keep the process alive.
  worker.unref();

  const send = <T>(op: string, sql: string, { width, values }: FlatRows): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, sql, width, values });
    }).finally(() => {
      if (pending.size === 0) worker.unref();
    });
  };
  return {
    run: (sql, rows) => send<void>("run", sql, rows),
    all: (sql, params) => send<string[]>("all", sql, { width: params.length, values: params }),
    async close() {
      if (gone) return;
      await send<void>("close", "", { width: 1, values: [] });
      await worker.terminate();
    },
  };
}
