"use client";

import { useRef, type FormEvent } from "react";
import type { GraphConnectionView } from "@/lib/builder/contracts";
import { fieldErrorOf, formErrorOf } from "./field-errors";
import type { GraphDraft } from "./drafts";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { GraphModeFields } from "./GraphModeFields";
import { ModePicker, type ModeOption } from "./ModePicker";
import { useFocusField } from "./useFocusField";
import styles from "./connect.module.css";

const FIELDS = ["cloud", "tenantId", "clientId", "clientSecret", "token"] as const;

function modeOptions(demoAvailable: boolean): ModeOption<GraphDraft["mode"]>[] {
  return [
    {
      value: "demo",
      label: "Demo tenant",
      description: demoAvailable ? "A built-in tenant with sample users and groups. No credentials." : "Turned off on this server.",
      disabled: !demoAvailable,
    },
    { value: "client_credentials", label: "Your tenant: client credentials", description: "An app registration's client ID and secret. Tokens renew themselves." },
    { value: "token", label: "Your tenant: paste a bearer token", description: "A token you got elsewhere. It expires after about an hour." },
  ];
}

/** How to reach Microsoft Graph: the choice, its fields, save. */
export function GraphForm({
  draft, change, view, demoAvailable, saving, error, onSubmit,
}: {
  draft: GraphDraft;
  change: (patch: Partial<GraphDraft>) => void;
  view: GraphConnectionView | null;
  demoAvailable: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const fieldError = fieldErrorOf(error, FIELDS);
  useFocusField(form, fieldError?.field ?? null, error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!saving) onSubmit();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className={styles.form} aria-label="Microsoft Graph connection" data-testid="graph-form">
      <ApiErrorAlert error={formErrorOf(error, FIELDS)} />
      <ModePicker name="graph-mode" legend="How to connect" value={draft.mode} options={modeOptions(demoAvailable)} onChange={(mode) => change({ mode })} />
      <GraphModeFields draft={draft} change={change} view={view} error={fieldError} />
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={saving} data-testid="graph-save">
          {saving ? "Saving…" : draft.mode === "demo" ? "Connect the demo tenant" : "Save and test"}
        </button>
      </div>
    </form>
  );
}
