/**
 * When the database's write-ahead log is folded back into the file (a checkpoint), one
 * policy for the two connections that write it: the app's Prisma connection (the event
 * loop's thread) and the sync state's own connection (lib/sync/state-worker.ts).
 *
 * SQLite's default checkpoints once the log passes 1,000 pages (4 MB), on the connection
 * whose commit crossed it. A sync's state commits about 1,000 rows at a time into an
 * index of random identifiers, which dirties about as many pages: every commit then also
 * copied the log into the file and synced it, and a page changed by the next commit was
 * copied again. Checkpointing every 10,000 pages instead (40 MB of log) cut the state
 * thread's SQLite time of a 135,000-entity sync by about a third (bench/sync.bench.ts).
 *
 * The app's connection waits for twice that before it checkpoints: during a sync, the
 * state's thread, which crosses its own limit first, does the copying, never the thread
 * that serves requests. After a checkpoint the log file is cut back to `JOURNAL_SIZE_LIMIT`.
 */

/** Pages of log before the sync state's connection checkpoints. */
export const STATE_WAL_AUTOCHECKPOINT = 10_000;
/** Pages of log before the app's connection checkpoints (above the state's: see above). */
export const APP_WAL_AUTOCHECKPOINT = 2 * STATE_WAL_AUTOCHECKPOINT;
/** Bytes the log file keeps once a checkpoint has emptied it. */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** The pragmas of a connection (`exec`-able): its checkpoint limit and the log's kept size. */
export function walPragmas(autocheckpointPages: number): string {
  return `PRAGMA wal_autocheckpoint = ${autocheckpointPages}; PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT};`;
}
