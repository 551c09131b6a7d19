"use client";

import type { GraphConnectionView } from "@/lib/builder/contracts";
import type { FieldError } from "./field-errors";
import { storedGraphSecret, type DemoClient, type GraphDraft } from "./drafts";
import { CloudSelect } from "./CloudSelect";
import { DEMO_CLIENT_LABEL } from "./labels";
import { SecretField } from "./SecretField";
import { SelectField } from "./SelectField";
import { TextField } from "./TextField";

const DEMO_OPTIONS = (Object.keys(DEMO_CLIENT_LABEL) as DemoClient[]).map((value) => ({ value, label: DEMO_CLIENT_LABEL[value] }));

/** The fields of the chosen way to connect to Graph. */
export function GraphModeFields({
  draft, change, view, error,
}: {
  draft: GraphDraft;
  change: (patch: Partial<GraphDraft>) => void;
  view: GraphConnectionView | null;
  error: FieldError | null;
}) {
  const errorFor = (field: string) => (error?.field === field ? error : null);
  if (draft.mode === "demo") {
    return (
      <SelectField
        id="graph-demoClient"
        name="clientId"
        label="Demo app"
        value={draft.demoClient}
        options={DEMO_OPTIONS}
        onChange={(demoClient) => change({ demoClient })}
        error={errorFor("clientId")}
        help="The limited app lacks Group.Read.All: test it to see how a missing permission is explained."
      />
    );
  }
  const secretStored = storedGraphSecret(view, draft.mode);
  return (
    <>
      <CloudSelect value={draft.cloud} onChange={(cloud) => change({ cloud })} error={errorFor("cloud")} />
      {draft.mode === "client_credentials" ? (
        <>
          <TextField
            id="graph-tenantId"
            name="tenantId"
            label="Directory (tenant) ID"
            value={draft.tenantId}
            onChange={(tenantId) => change({ tenantId })}
            error={errorFor("tenantId")}
            placeholder="00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com"
            help="Entra ID > Overview, or the app registration's Overview."
          />
          <TextField
            id="graph-clientId"
            name="clientId"
            label="Application (client) ID"
            value={draft.clientId}
            onChange={(clientId) => change({ clientId })}
            error={errorFor("clientId")}
            placeholder="00000000-0000-0000-0000-000000000000"
            help="App registrations > your app > Overview."
          />
          <SecretField
            id="graph-clientSecret"
            name="clientSecret"
            label="Client secret (its Value)"
            what="client secret"
            stored={secretStored}
            value={draft.clientSecret}
            onChange={(clientSecret) => change({ clientSecret })}
            error={errorFor("clientSecret")}
          />
        </>
      ) : (
        <SecretField
          id="graph-token"
          name="token"
          label="Bearer token"
          what="token"
          stored={secretStored}
          value={draft.token}
          onChange={(token) => change({ token })}
          error={errorFor("token")}
        />
      )}
    </>
  );
}
