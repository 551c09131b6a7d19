"use client";

import { useMemo } from "react";
import { leastPermissions, SEED_READS } from "./permissions";
import { CopyBlock } from "./CopyBlock";
import { useSampleReads } from "./useSampleReads";
import styles from "./connect.module.css";

/** The least-privileged application permissions for the seed collections and the project's samples. */
export function PermissionList({ projectId }: { projectId: string }) {
  const samples = useSampleReads(projectId);
  const plan = useMemo(() => leastPermissions([...SEED_READS, ...(samples.data ?? [])]), [samples.data]);
  const needsSignIn = plan.permissions.some((p) => p.permission === "AuditLog.Read.All");
  return (
    <>
      <ul className={styles.permissions} data-testid="permission-list">
        {plan.permissions.map((p) => (
          <li key={p.permission}>
            <code>{p.permission}</code> <span className={styles.reasons}>for {p.reasons.join(", ")}</span>
          </li>
        ))}
      </ul>
      <CopyBlock text={plan.permissions.map((p) => p.permission).join("\n")} label="the permission names" testId="permission-names" />
      {needsSignIn && <p className="muted">signInActivity also needs an Entra ID P1 or P2 licence in the tenant.</p>}
      {plan.unknownPaths.length > 0 && (
        <p className="muted">
          No permission is known for {plan.unknownPaths.join(", ")}: look the endpoint up in Graph&apos;s documentation.
        </p>
      )}
      <p className="muted">
        <strong>Directory.Read.All is not needed:</strong> it reads the whole directory, and the permissions above cover everything
        this project reads. {samples.data ? "The list follows the project's samples." : samples.isError ? "The samples could not be read: the list covers the standard collections." : null}
      </p>
    </>
  );
}
