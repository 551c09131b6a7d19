"use client";

import { useRef, type FormEvent } from "react";
import type { PortConnectionView } from "@/lib/builder/contracts";
import { fieldErrorOf, formErrorOf } from "./field-errors";
import { storedPortSecret, type PortDraft } from "./drafts";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { PORT_REGION_LABEL } from "./labels";
import { ModePicker } from "./ModePicker";
import { SecretField } from "./SecretField";
import { SelectField } from "./SelectField";
import { TextField } from "./TextField";
import { useFocusField } from "./useFocusField";
import styles from "./connect.module.css";

const FIELDS = ["region", "clientId", "clientSecret"] as const;
const REGION_OPTIONS = (["eu", "us"] as const).map((value) => ({ value, label: PORT_REGION_LABEL[value] }));

/** How to reach Port: the demo Port or an organisation's credentials. */
export function PortForm({
  draft, change, view, demoAvailable, saving, error, onSubmit,
}: {
  draft: PortDraft;
  change: (patch: Partial<PortDraft>) => void;
  view: PortConnectionView | null;
  demoAvailable: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const fieldError = fieldErrorOf(error, FIELDS);
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError : null);
  useFocusField(form, fieldError?.field ?? null, error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!saving) onSubmit();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className={styles.form} aria-label="Port connection" data-testid="port-form">
      <ApiErrorAlert error={formErrorOf(error, FIELDS)} />
      <ModePicker
        name="port-mode"
        legend="How to connect"
        value={draft.mode}
        onChange={(mode) => change({ mode })}
        options={[
          {
            value: "demo",
            label: "Demo Port",
            description: demoAvailable ? "A built-in Port that keeps blueprints and entities in this app. No credentials." : "Turned off on this server.",
            disabled: !demoAvailable,
          },
          { value: "credentials", label: "Your Port organisation", description: "Client ID and secret from Port: ... > Credentials." },
        ]}
      />
      {draft.mode === "credentials" && (
        <>
          <SelectField id="port-region" name="region" label="Region" value={draft.region} options={REGION_OPTIONS} onChange={(region) => change({ region })} error={errorFor("region")} />
          <TextField
            id="port-clientId"
            name="clientId"
            label="Client ID"
            value={draft.clientId}
            onChange={(clientId) => change({ clientId })}
            error={errorFor("clientId")}
          />
          <SecretField
            id="port-clientSecret"
            name="clientSecret"
            label="Client secret"
            what="client secret"
            stored={storedPortSecret(view, draft.mode)}
            value={draft.clientSecret}
            onChange={(clientSecret) => change({ clientSecret })}
            error={errorFor("clientSecret")}
          />
        </>
      )}
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={saving} data-testid="port-save">
          {saving ? "Saving…" : draft.mode === "demo" ? "Connect the demo Port" : "Save and test"}
        </button>
      </div>
    </form>
  );
}
