import { AppError, isAppError } from "@/lib/errors";
import { isSqliteBusy, isSqliteFull } from "@/lib/server/db/sqlite-errors";

/**
 * A locked or full database as an AppError that says what, where and what to do; null
 * for any other error. SQLite's own codes, or Prisma's timeout (P1008) when its
 * connection waited for a lock another connection held.
 */
export function databaseFault(error: unknown, file?: string): AppError | null {
  if (isAppError(error)) return null;
  const where = file ? ` (${file})` : "";
  if (isSqliteFull(error)) {
    return new AppError("database_full", `The sync's database${where} is full: SQLite could not write to it (database or disk is full).`, {
      status: 507,
      hint: "Free disk space on the database's volume, then run the sync again: what reached Port is planned again, nothing is deleted.",
      cause: error,
    });
  }
  const e = error as { code?: string; message?: string } | null;
  if (e?.code === "P1008" || isSqliteBusy(error) || /SocketTimeout/i.test(e?.message ?? "")) {
    return new AppError("database_locked", `The sync's database${where} is locked by another connection: the sync waited for it and gave up.`, {
      status: 503,
      hint: "Close what holds the database open in a write transaction (a sqlite3 shell, a backup, another program on the same file), then run the sync again.",
      cause: error,
    });
  }
  return null;
}
