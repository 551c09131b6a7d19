"use client";

import { useState } from "react";
import type { PortConnectionView } from "@/lib/builder/contracts";
import { portDraftFrom, portInputOf, type PortDraft } from "./drafts";
import { OneShotSecret } from "./one-shot-secret";
import { PortCurrent } from "./PortCurrent";
import { PortForm } from "./PortForm";
import { TestSection } from "./TestSection";
import { useSavePortConnection, type useTestConnection } from "./useConnections";
import styles from "./connect.module.css";

/** The project's Port connection: what is saved, the form to change it, the checks. */
export function PortPanel({
  projectId, view, demoAvailable, test,
}: {
  projectId: string;
  view: PortConnectionView | null;
  demoAvailable: boolean;
  test: ReturnType<typeof useTestConnection>;
}) {
  const [draft, setDraft] = useState<PortDraft>(() => portDraftFrom(view, demoAvailable));
  const save = useSavePortConnection(projectId);
  const change = (patch: Partial<PortDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit() {
    // The last result described the connection being replaced: drop it rather than show it beside the new one.
    test.reset();
    const { input, secret } = portInputOf(draft);
    save.mutate(
      { input, secret: new OneShotSecret(secret) },
      {
        onSuccess: () => {
          change({ clientSecret: "" });
          test.mutate();
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="port-heading" data-testid="port-panel">
      <div className={styles.panelHeader}>
        <h2 id="port-heading">Port</h2>
        <span className="muted">where the catalog is written to</span>
      </div>
      <PortCurrent view={view} />
      <PortForm draft={draft} change={change} view={view} demoAvailable={demoAvailable} saving={save.isPending} error={save.error} onSubmit={submit} />
      <TestSection target="port" name="Port" test={test} saved={view !== null} />
    </section>
  );
}
