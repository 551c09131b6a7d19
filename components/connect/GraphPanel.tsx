"use client";

import { useState } from "react";
import type { GraphConnectionView } from "@/lib/builder/contracts";
import { graphDraftFrom, graphInputOf, type GraphDraft } from "./drafts";
import { GraphCurrent } from "./GraphCurrent";
import { GraphForm } from "./GraphForm";
import { OneShotSecret } from "./one-shot-secret";
import { SetupGuide } from "./SetupGuide";
import { TestSection } from "./TestSection";
import { useSaveGraphConnection, type useTestConnection } from "./useConnections";
import styles from "./connect.module.css";

/** The project's Microsoft Graph connection: what is saved, the form to change it with its setup guide, the checks. */
export function GraphPanel({
  projectId, view, demoAvailable, test,
}: {
  projectId: string;
  view: GraphConnectionView | null;
  demoAvailable: boolean;
  test: ReturnType<typeof useTestConnection>;
}) {
  // Started once from the saved connection; a later refetch never overwrites what is being typed.
  const [draft, setDraft] = useState<GraphDraft>(() => graphDraftFrom(view, demoAvailable));
  const [guideOpen, setGuideOpen] = useState(() => !view || view.mode === "demo");
  const save = useSaveGraphConnection(projectId);
  const change = (patch: Partial<GraphDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit() {
    // The last result described the connection being replaced: drop it rather than show it beside the new one.
    test.reset();
    const { input, secret } = graphInputOf(draft);
    save.mutate(
      { input, secret: new OneShotSecret(secret) },
      {
        onSuccess: () => {
          // Saved: the typed secret has no reason to stay in memory.
          change({ clientSecret: "", token: "" });
          test.mutate();
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="graph-heading" data-testid="graph-panel">
      <div className={styles.panelHeader}>
        <h2 id="graph-heading">Microsoft Graph</h2>
        <span className="muted">where the directory is read from</span>
      </div>
      <GraphCurrent view={view} />
      <div className={draft.mode === "demo" ? undefined : styles.columns}>
        <GraphForm
          draft={draft}
          change={change}
          view={view}
          demoAvailable={demoAvailable}
          saving={save.isPending}
          error={save.error}
          onSubmit={submit}
        />
        {draft.mode !== "demo" && <SetupGuide projectId={projectId} draft={draft} open={guideOpen} onToggle={setGuideOpen} />}
      </div>
      <TestSection target="graph" name="Microsoft Graph" test={test} saved={view !== null} />
    </section>
  );
}
