/**
 * Who holds a run's lease: one id per process, which also tells whether that process is
 * still alive (same machine), so a run left by a dead process is reaped at once.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** `server|cli:<host>:<pid>:<random>`: unique per process, and tells whether its process is alive. */
export function leaseOwnerId(kind: "server" | "cli"): string {
  return `${kind}:${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** True when the owner is a process of this machine that no longer exists. */
export function ownerIsGone(owner: string | null): boolean {
  const m = owner ? /^[a-z]+:(.*):(\d+):[0-9a-f]+$/.exec(owner) : null;
  if (!m || m[1] !== hostname()) return false;
  try {
    process.kill(Number(m[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
