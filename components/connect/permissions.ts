/**
 * The least-privileged Microsoft Graph application permissions for what a project reads.
 * Each read (an endpoint, with the $select and $filter of its sample) is accepted by its
 * least-privileged permission or by the alternatives `requiredPermission` names; the
 * answer is a small set of permissions that accepts every read, never Directory.Read.All
 * (it reads the whole directory; the specific permissions always suffice).
 */
import { requiredPermission } from "@/lib/graph/errors";

/** One thing the project reads from Graph. */
export interface GraphRead {
  /** Path relative to the version root, e.g. `/users` or `/groups/{group_id}/members`. */
  path: string;
  select?: string;
  filter?: string;
}

export interface PermissionNeed {
  permission: string;
  /** What needs it, in words: `/users`, `signInActivity on /users`. */
  reasons: string[];
}

export interface PermissionPlan {
  permissions: PermissionNeed[];
  /** Paths no known permission covers: the person checks Graph's documentation for them. */
  unknownPaths: string[];
}

/** The collections the builder maps, read whatever the samples hold. */
export const SEED_READS: readonly GraphRead[] = [
  { path: "/users" },
  { path: "/groups" },
  { path: "/groups/{group_id}/members" },
  { path: "/applications" },
  { path: "/servicePrincipals" },
];

/** Reads the whole directory; never proposed, because the specific permissions suffice. */
export const BROAD_PERMISSION = "Directory.Read.All";
const SIGN_IN_PERMISSION = "AuditLog.Read.All";

/** A read and the permissions that would each allow it, least-privileged first. */
interface Requirement {
  reason: string;
  accepted: string[];
}

const pathOnly = (path: string) => path.split("?")[0]!.trim();

/** signInActivity in $select or $filter also needs AuditLog.Read.All (and a P1/P2 licence). */
function readsSignInActivity(read: GraphRead): boolean {
  const selected = (read.select ?? "").split(",").some((p) => p.trim().split("/")[0]!.toLowerCase() === "signinactivity");
  return selected || /\bsignInActivity\b/i.test(read.filter ?? "");
}

function requirementsOf(read: GraphRead): Requirement[] | null {
  const path = pathOnly(read.path);
  const needed = requiredPermission(path);
  if (!needed) return null;
  const out: Requirement[] = [
    { reason: path, accepted: [needed.permission, ...needed.alternatives.filter((p) => p !== BROAD_PERMISSION)] },
  ];
  if (readsSignInActivity(read)) out.push({ reason: `signInActivity on ${path}`, accepted: [SIGN_IN_PERMISSION] });
  return out;
}

/**
 * Greedy cover: take the permission that accepts the most reads still uncovered; on a tie
 * the one that is least-privileged for the read whose path sorts first (a collection sorts
 * before its children, so /groups' Group.Read.All is kept and also covers the members).
 * Sorting first makes the answer independent of the order of the reads.
 */
export function leastPermissions(reads: readonly GraphRead[]): PermissionPlan {
  const requirements: Requirement[] = [];
  const unknownPaths = new Set<string>();
  const seen = new Set<string>();
  const sorted = [...reads].sort((a, b) => (pathOnly(a.path) < pathOnly(b.path) ? -1 : pathOnly(a.path) > pathOnly(b.path) ? 1 : 0));
  for (const read of sorted) {
    const found = requirementsOf(read);
    if (!found) {
      unknownPaths.add(pathOnly(read.path));
      continue;
    }
    for (const requirement of found) {
      if (seen.has(requirement.reason)) continue;
      seen.add(requirement.reason);
      requirements.push(requirement);
    }
  }

  const chosen: PermissionNeed[] = [];
  let open = requirements;
  while (open.length > 0) {
    const candidates = [...new Set(open.flatMap((r) => r.accepted))];
    const score = (p: string) => open.filter((r) => r.accepted.includes(p)).length;
    const firstLeast = (p: string) => {
      const i = open.findIndex((r) => r.accepted[0] === p);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    candidates.sort((a, b) => score(b) - score(a) || firstLeast(a) - firstLeast(b));
    const best = candidates[0]!;
    chosen.push({ permission: best, reasons: open.filter((r) => r.accepted.includes(best)).map((r) => r.reason) });
    open = open.filter((r) => !r.accepted.includes(best));
  }
  // The portal lists permissions alphabetically: the same order makes them easy to tick off.
  chosen.sort((a, b) => (a.permission < b.permission ? -1 : 1));
  return { permissions: chosen, unknownPaths: [...unknownPaths] };
}
