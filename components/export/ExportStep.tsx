"use client";

/**
 * Step 6, Export: the project as files Port's Ocean custom integration runs unchanged
 * (lib/export), a tab per file with copy buttons, region and secret-handling switches,
 * one zip of everything, what differs from Port's documentation page, and an import of
 * existing files. Everything is computed in the browser from the saved project: no
 * secret is ever sent here, so "inline" writes placeholders where the values go.
 */
import { useMemo, useState } from "react";
import { exportProject, IDENTIFIER_PATTERN, DEFAULT_IDENTIFIER, type SecretHandling } from "@/lib/export";
import type { PortRegion } from "@/lib/port/regions";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { ArtefactPanel } from "./ArtefactPanel";
import { ArtefactTabs } from "./ArtefactTabs";
import { DifferencesTable } from "./DifferencesTable";
import { DownloadAllButton } from "./DownloadAllButton";
import { ExportNotes } from "./ExportNotes";
import { ExportOptionsForm } from "./ExportOptionsForm";
import styles from "./export.module.css";
import { ImportDialog } from "./ImportDialog";
import { useExportSources } from "./useExportSources";

export function ExportStep({ projectId }: { projectId: string }) {
  const { source, loading, error } = useExportSources(projectId);
  const [regionChoice, setRegionChoice] = useState<PortRegion | null>(null);
  const [secrets, setSecrets] = useState<SecretHandling>("chart-secret");
  const [identifier, setIdentifier] = useState(DEFAULT_IDENTIFIER);
  const [lastGoodIdentifier, setLastGoodIdentifier] = useState(DEFAULT_IDENTIFIER);
  const [selected, setSelected] = useState("mapping");
  const [importOpen, setImportOpen] = useState(false);

  const region = regionChoice ?? (source?.ready ? source.region : null) ?? "eu";
  const identifierError = IDENTIFIER_PATTERN.test(identifier) ? null : "Use 1 to 53 lower-case letters, digits and hyphens, starting and ending with a letter or digit.";
  const changeIdentifier = (value: string) => {
    setIdentifier(value);
    if (IDENTIFIER_PATTERN.test(value)) setLastGoodIdentifier(value);
  };
  const result = useMemo(
    () => (source?.ready ? exportProject(source.input, { region, secrets, identifier: lastGoodIdentifier }) : null),
    [source, region, secrets, lastGoodIdentifier],
  );
  const artefact = result?.artefacts.find((a) => a.id === selected) ?? result?.artefacts[0] ?? null;

  return (
    <section className="panel" aria-labelledby="export-title" data-testid="export-step">
      <div className={styles.header}>
        <h2 id="export-title">Export</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setImportOpen(true)} data-testid="open-import">
          Import files…
        </button>
        {result && <DownloadAllButton artefacts={result.artefacts} identifier={lastGoodIdentifier} />}
      </div>
      <p className={styles.intro}>
        Files that run this project on Port&apos;s Ocean custom integration, unchanged: on your Kubernetes through Port&apos;s Helm chart or
        Argo CD, once with Docker, or on a schedule from GitHub Actions.
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      {loading && (
        <p className="muted" role="status">
          Loading the project…
        </p>
      )}
      {source && !source.ready && (
        <div className="alert error" role="alert" data-testid="export-not-ready">
          {source.reason}
        </div>
      )}
      {source?.ready && result && artefact && (
        <>
          <ExportOptionsForm
            region={region}
            secrets={secrets}
            identifier={identifier}
            identifierError={identifierError}
            onRegion={setRegionChoice}
            onSecrets={setSecrets}
            onIdentifier={changeIdentifier}
          />
          <ExportNotes notes={source.notes} warnings={result.warnings} />
          <ArtefactTabs artefacts={result.artefacts} selected={artefact.id} onSelect={setSelected} />
          <ArtefactPanel artefact={artefact} />
          <div className={styles.section}>
            <h3>What differs from Port&apos;s documentation page, and why</h3>
            <DifferencesTable differences={result.differences} />
          </div>
        </>
      )}
      <ImportDialog projectId={projectId} open={importOpen} onClose={() => setImportOpen(false)} />
    </section>
  );
}
