"use client";

/** The request: endpoint, query options and header. Enter in any field sends it. */
import type { FormEvent } from "react";
import type { SampleSummary } from "@/lib/builder/contracts";
import { EndpointField } from "./EndpointField";
import { QueryAdvice } from "./QueryAdvice";
import { QueryOptionFields } from "./QueryOptionFields";
import { pathOf, type ExploreForm, type FormErrors } from "./request-form";
import { SelectPicker } from "./SelectPicker";
import styles from "./explore.module.css";

export function RequestForm({
  idPrefix,
  projectId,
  form,
  errors,
  samples,
  sending,
  disabled,
  onChange,
  onSend,
}: {
  idPrefix: string;
  projectId: string;
  form: ExploreForm;
  errors: FormErrors;
  samples: SampleSummary[] | undefined;
  sending: boolean;
  disabled: boolean;
  onChange: (patch: Partial<ExploreForm>) => void;
  onSend: () => void;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disabled) onSend();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Graph request" data-testid="request-form">
      <EndpointField idPrefix={idPrefix} projectId={projectId} form={form} errors={errors} samples={samples} onChange={onChange} />
      <SelectPicker value={form.select} path={pathOf(form) || "/"} onChange={(select) => onChange({ select })} />
      <QueryOptionFields idPrefix={idPrefix} form={form} errors={errors} onChange={onChange} />
      <QueryAdvice form={form} />
      <div className={styles.actions}>
        <button type="submit" className="primary" disabled={disabled} data-testid="send">
          {sending ? "Sending…" : "Send"}
        </button>
        <span className="muted">or press Enter in any field. The request runs on the server: tokens never reach the browser.</span>
      </div>
    </form>
  );
}
