"use client";

/**
 * "Create in Port": saves what is waiting, then makes Port hold every blueprint (created
 * in order, cycles patched after, missing properties and relations added). Refused with
 * the reason while a blueprint has errors or the latest edits are not saved.
 */
import { useState } from "react";
import styles from "./blueprints.module.css";
import { PushError } from "./PushError";
import { PushReport } from "./PushReport";
import type { useBlueprintPush } from "./useBlueprintPush";

export function PushPanel({
  projectId,
  push,
  blocker,
  beforePush,
}: {
  projectId: string;
  push: ReturnType<typeof useBlueprintPush>;
  /** Why it cannot run now, or null. */
  blocker: string | null;
  /** Saves the document; resolves with a reason when it could not. */
  beforePush: () => Promise<string | null>;
}) {
  const [notSaved, setNotSaved] = useState<string | null>(null);
  const run = async () => {
    setNotSaved(null);
    push.reset();
    const problem = await beforePush();
    if (problem) setNotSaved(problem);
    else push.mutate();
  };
  return (
    <div>
      <div className="row">
        <button type="button" className="primary" onClick={() => void run()} disabled={blocker !== null || push.isPending} data-testid="push-blueprints" aria-describedby="push-blocker">
          {push.isPending ? "Creating in Port…" : "Create in Port"}
        </button>
        {blocker && (
          <span id="push-blocker" className={styles.blocker}>
            {blocker}
          </span>
        )}
      </div>
      {push.isPending && (
        <progress className={styles.progress} aria-label="Creating the blueprints in Port" />
      )}
      {notSaved && (
        <div className="alert error" role="alert">
          {notSaved}
        </div>
      )}
      {push.error && <PushError error={push.error} projectId={projectId} />}
      {push.data && <PushReport report={push.data} />}
    </div>
  );
}
