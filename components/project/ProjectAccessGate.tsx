"use client";

import type { ReactNode } from "react";
import styles from "./project.module.css";
import { useProjectAccess, type ProjectAccessInfo } from "./useProjectAccess";

/**
 * For a read share: one banner, and every form control of the step pages disabled (a
 * disabled fieldset disables the inputs and buttons inside it). Links still work, so the
 * viewer moves through the steps. The server refuses their changes anyway (403).
 */
export function ProjectAccessGate({ projectId, initial, children }: { projectId: string; initial: ProjectAccessInfo; children: ReactNode }) {
  const access = useProjectAccess(projectId, initial);
  if (access.canEdit) return <>{children}</>;
  // One grid cell (the layout's second column), like the editable view's children.
  return (
    <div>
      <div className={styles.readOnly} role="status" data-testid="read-only-banner">
        {/* Says why the preview and the Graph and Port calls are off too: they spend the project's credentials. */}
        Read only: shared by {access.ownerName}. You can look at every step; changes, Graph requests, previews and syncs need edit access: ask{" "}
        {access.ownerName} for it.
      </div>
      <fieldset disabled className={styles.readOnlySteps} aria-label="Project steps (read only)">
        {children}
      </fieldset>
    </div>
  );
}
