"use client";

/**
 * Import: paste or upload a port-app-config YAML and a blueprints JSON (the documentation
 * page's, or an earlier export). The files are read as they are typed, with every problem
 * at its line and column and the Graph lints at once; Import replaces the project's mapping
 * and blueprints together, or changes nothing. The dialog stays mounted, so closing it
 * keeps what was pasted.
 */
import { useDeferredValue, useId, useMemo, useState } from "react";
import { analyseImport } from "@/lib/export/import";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import styles from "./export.module.css";
import { FileField } from "./FileField";
import { ImportFindings } from "./ImportFindings";
import { useImport } from "./useImport";
import { useModalDialog } from "../useModalDialog";

export function ImportDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose(): void }) {
  const dialog = useModalDialog(open);
  const titleId = useId();
  const [configYaml, setConfigYaml] = useState("");
  const [blueprintsJson, setBlueprintsJson] = useState("");
  const [integrationConfig, setIntegrationConfig] = useState("");
  const importing = useImport(projectId);
  const request = useDeferredValue(useMemo(() => ({ configYaml, blueprintsJson, integrationConfig }), [configYaml, blueprintsJson, integrationConfig]));
  const analysis = useMemo(() => (request.configYaml.trim() || request.blueprintsJson.trim() ? analyseImport(request) : null), [request]);
  const errors = analysis?.problems.filter((p) => p.severity === "error").length ?? 0;
  const done = importing.isSuccess ? importing.data : null;

  const close = () => {
    // After an import every step's editors must start from the imported text: a full reload.
    if (done) window.location.reload();
    else onClose();
  };
  const submit = () => {
    if (!analysis?.ok || importing.isPending) return;
    importing.mutate({ configYaml, blueprintsJson, integrationConfig: integrationConfig.trim() ? integrationConfig : undefined });
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      data-testid="import-dialog"
    >
      <h2 id={titleId}>Import a mapping and blueprints</h2>
      {done ? (
        <>
          <p className={styles.ok} role="status" data-testid="import-done">
            Imported: the mapping (version {done.mapping.version}) and {done.blueprints.identifiers.length} blueprints ({done.blueprints.identifiers.join(", ")}).
          </p>
          <ImportFindings findings={[...done.warnings, ...done.lints]} testId="import-lints" />
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="muted">Importing replaces this project&apos;s mapping and blueprints; the mapping history keeps the text it replaces.</p>
          <div className={styles.files}>
            <FileField label="Mapping YAML (port-app-config)" help="resources: with kind, selector and port.entity.mappings." accept=".yml,.yaml,text/yaml" value={configYaml} onChange={setConfigYaml} testId="import-config" />
            <FileField label="Blueprints JSON" help="An array of Port blueprints (or one blueprint)." accept=".json,application/json" value={blueprintsJson} onChange={setBlueprintsJson} testId="import-blueprints" />
          </div>
          <details>
            <summary>Integration config (optional: lets the lints check its paginationType)</summary>
            <FileField label="Integration config" help="The install's integration.config as YAML or JSON (or the whole values.yaml)." accept=".yml,.yaml,.json" value={integrationConfig} onChange={setIntegrationConfig} testId="import-integration" rows={5} />
          </details>
          {analysis && (
            <p role="status" className={errors ? styles.error : styles.ok} data-testid="import-summary">
              {errors
                ? `${errors} ${errors === 1 ? "problem stops" : "problems stop"} the import: fix ${errors === 1 ? "it" : "them"} first.`
                : `Ready: ${analysis.config?.resources.length ?? 0} resources and ${analysis.blueprints?.length ?? 0} blueprints.`}
            </p>
          )}
          <ImportFindings findings={[...(analysis?.problems ?? []), ...(analysis?.lints ?? [])]} testId="import-findings" />
          {importing.error ? <ErrorAlert error={importing.error} /> : null}
          <div className="row" style={{ justifyContent: "flex-end", marginTop: 12 }}>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!analysis?.ok || importing.isPending} data-testid="import-submit">
              {importing.isPending ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
      )}
      {done && (
        <div className="row" style={{ justifyContent: "flex-end", marginTop: 12 }}>
          <button type="button" className="primary" onClick={close} autoFocus data-testid="import-close">
            Close
          </button>
        </div>
      )}
    </dialog>
  );
}
