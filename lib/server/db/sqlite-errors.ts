/**
 * SQLite's own error codes, whichever way an error reached us: better-sqlite3 directly
 * (`code`), or Prisma's driver adapter (in `meta.driverAdapterError.cause`), or only in
 * the message.
 */
function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: unknown } } } | null;
  return `${e?.code ?? ""} ${e?.message ?? ""} ${JSON.stringify(e?.meta?.driverAdapterError?.cause ?? "")}`;
}

/** The database or its disk is full. */
export const isSqliteFull = (error: unknown): boolean => /SQLITE_FULL|database or disk is full/i.test(errorText(error));

/**
 * Another connection holds, or took, the write lock: SQLITE_BUSY and its kinds
 * (SQLITE_BUSY_SNAPSHOT: a transaction that read first cannot write after another
 * connection committed; no busy timeout waits that out, only running it again does).
 */
export const isSqliteBusy = (error: unknown): boolean => /SQLITE_BUSY|database is locked/i.test(errorText(error));
