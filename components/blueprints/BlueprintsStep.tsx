"use client";

/**
 * Step 4, Blueprints: generated from the picked fields (or the seed template), edited as
 * JSON with validation, drawn as a diagram, ordered for creation, and created in Port.
 * The texts are saved as they change (invalid ones too, so no edit is lost).
 */
import { useMemo, useState } from "react";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { SaveProblem } from "../fields/SaveProblem";
import { SavingIndicator } from "../fields/SavingIndicator";
import { useStepDocument } from "../fields/useStepDocument";
import { analyseEntries, editedEntry } from "./blueprint-entries";
import styles from "./blueprints.module.css";
import { BlueprintWorkspace } from "./BlueprintWorkspace";
import { CreationOrderList } from "./CreationOrderList";
import { GenerateActions } from "./GenerateActions";
import { GenerationNotes } from "./GenerationNotes";
import { generateFromPicks, mergeEntries, missingCount, templateEntries, type BlueprintEntry, type MergeMode } from "./generate";
import { LazyBlueprintDiagram } from "./LazyBlueprintDiagram";
import { PushPanel } from "./PushPanel";
import { ReplaceDialog } from "./ReplaceDialog";
import { useBlueprintPush } from "./useBlueprintPush";
import { useGenerationInputs } from "./useGenerationInputs";
import { usePortStates } from "./usePortStates";

interface Offer {
  source: string;
  entries: BlueprintEntry[];
  notes: string[];
}

export function BlueprintsStep({ projectId }: { projectId: string }) {
  const doc = useStepDocument(projectId, "blueprints");
  const inputs = useGenerationInputs(projectId);
  const push = useBlueprintPush(projectId);
  const [selected, setSelected] = useState(0);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [notes, setNotes] = useState<string[]>([]);

  const entries = doc.content.blueprints;
  const analyses = useMemo(() => analyseEntries(entries), [entries]);
  const portStates = usePortStates(doc.content);
  const valid = useMemo(() => analyses.flatMap((a) => (a.blueprint ? [a.blueprint] : [])), [analyses]);
  const generation = useMemo(() => (inputs.endpoints ? generateFromPicks(inputs.endpoints) : null), [inputs.endpoints]);
  const template = useMemo(() => templateEntries(), []);
  const locked = push.isPending;

  const apply = (incoming: Offer, mode: MergeMode) => {
    doc.edit((d) => ({ ...d, blueprints: mergeEntries(d.blueprints, incoming.entries, mode) }));
    setNotes(incoming.notes);
    if (mode === "replace") setSelected(0);
  };
  const propose = (incoming: Offer) => (entries.length ? setOffer(incoming) : apply(incoming, "replace"));
  const resetTextFor = (identifier: string) =>
    generation?.entries.find((e) => e.identifier === identifier)?.text ?? template.find((e) => e.identifier === identifier)?.text ?? null;

  const invalid = entries.filter((_, i) => (analyses[i]?.errors ?? 0) > 0).map((e) => e.identifier);
  const blocker =
    entries.length === 0
      ? "Generate or start from the template first."
      : invalid.length
        ? `Fix the errors in ${invalid.join(", ")} first.`
        : doc.status.state === "conflict"
          ? "Reload the saved version first (see above)."
          : null;
  const beforePush = async () => {
    await doc.flush();
    return doc.hasUnsaved() ? "Your latest edits could not be saved, so Port would not get them: see the message above." : null;
  };

  return (
    <>
      <section className="panel" aria-labelledby="blueprints-title">
        <div className={styles.header}>
          <h2 id="blueprints-title">Blueprints</h2>
          <SavingIndicator status={doc.status} loaded={doc.loaded} />
        </div>
        <SaveProblem status={doc.status} onRetry={doc.retry} onReload={doc.reload} />
        {doc.loadError && <ErrorAlert error={doc.loadError} />}
        {inputs.error && <ErrorAlert error={inputs.error} />}
        <GenerateActions
          projectId={projectId}
          canGenerate={(inputs.endpoints?.length ?? 0) > 0}
          generating={inputs.endpoints === null && !inputs.error}
          disabled={locked || !doc.loaded}
          onGenerate={() => generation && propose({ source: "blueprints generated from the picked fields", entries: generation.entries, notes: [...inputs.notes, ...generation.notes] })}
          onTemplate={() => propose({ source: "the template", entries: template, notes: [] })}
        />
        <GenerationNotes notes={notes} />
        {!doc.loaded ? (
          <p className="muted" role="status">Loading the blueprints…</p>
        ) : entries.length === 0 ? (
          <p className="muted" data-testid="no-blueprints">No blueprints yet.</p>
        ) : (
          <BlueprintWorkspace
            entries={entries}
            analyses={analyses}
            portStates={portStates}
            selected={Math.min(selected, entries.length - 1)}
            readOnly={locked}
            onSelect={setSelected}
            resetTextFor={resetTextFor}
            onText={(index, text) => doc.edit((d) => ({ ...d, blueprints: d.blueprints.map((e, i) => (i === index ? editedEntry(e, text) : e)) }))}
            onRemove={(index) => {
              doc.edit((d) => ({ ...d, blueprints: d.blueprints.filter((_, i) => i !== index) }));
              setSelected((s) => Math.max(0, s >= index ? s - 1 : s));
            }}
          />
        )}
      </section>
      {/* Kept while every blueprint has an error, so the page does not jump at each keystroke. */}
      {entries.length > 0 && (
        <section className={`panel ${styles.section}`} aria-labelledby="diagram-title">
          <h2 id="diagram-title">Blueprints and relations</h2>
          {valid.length === 0 ? (
            <p className="muted" data-testid="diagram-waiting">Fix the errors above to see the diagram: blueprints with errors are not drawn.</p>
          ) : (
            <>
              {valid.length < entries.length && <p className="muted">Blueprints with errors are not drawn.</p>}
              <LazyBlueprintDiagram blueprints={valid} />
            </>
          )}
        </section>
      )}
      {entries.length > 0 && (
        <section className={`panel ${styles.section}`} aria-labelledby="order-title">
          <h2 id="order-title">Creation order</h2>
          {valid.length === 0 ? (
            <p className="muted">Fix the errors above to see the order in which Port gets the blueprints.</p>
          ) : (
            <>
              {valid.length < entries.length && <p className="muted">Only the blueprints without errors are ordered.</p>}
              <CreationOrderList blueprints={valid} />
            </>
          )}
        </section>
      )}
      <section className={`panel ${styles.section}`} aria-labelledby="push-title">
        <h2 id="push-title">Create in Port</h2>
        <PushPanel projectId={projectId} push={push} blocker={blocker} beforePush={beforePush} />
      </section>
      <ReplaceDialog
        open={offer !== null}
        source={offer?.source ?? ""}
        existing={entries.length}
        missing={offer ? missingCount(entries, offer.entries) : 0}
        onChoose={(mode) => {
          if (offer && mode) apply(offer, mode);
          setOffer(null);
        }}
      />
    </>
  );
}
