"use client";

/** Which endpoint to call: a preset, the group for Group members, or a free path. */
import type { SampleSummary } from "@/lib/builder/contracts";
import { GroupField } from "./GroupField";
import { PRESETS, type PresetId } from "./presets";
import type { ExploreForm, FormErrors } from "./request-form";
import { TextField } from "./TextField";
import styles from "./explore.module.css";

export function EndpointField({
  idPrefix,
  projectId,
  form,
  errors,
  samples,
  onChange,
}: {
  idPrefix: string;
  projectId: string;
  form: ExploreForm;
  errors: FormErrors;
  samples: SampleSummary[] | undefined;
  onChange: (patch: Partial<ExploreForm>) => void;
}) {
  return (
    <div className={styles.endpointRow}>
      <div className="field">
        <label htmlFor={`${idPrefix}-preset`}>Endpoint</label>
        <select
          id={`${idPrefix}-preset`}
          className={styles.input}
          value={form.preset}
          onChange={(e) => onChange({ preset: e.target.value as PresetId })}
          data-testid="endpoint-preset"
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.path ? ` (${p.path})` : ""}
            </option>
          ))}
        </select>
      </div>
      {form.preset === "custom" ? (
        <TextField
          id={`${idPrefix}-path`}
          label="Path"
          value={form.customPath}
          onChange={(customPath) => onChange({ customPath })}
          error={errors.path}
          placeholder="/users/{id}/memberOf"
          help="A path under https://graph.microsoft.com/v1.0, never a URL; query options go in their fields below."
          testId="custom-path"
        />
      ) : form.preset === "groupMembers" ? (
        <GroupField
          id={`${idPrefix}-groupId`}
          projectId={projectId}
          samples={samples}
          value={form.groupId}
          error={errors.groupId}
          onChange={(groupId) => onChange({ groupId })}
        />
      ) : (
        <div className="field">
          <span className="muted">GET</span>
          <code className={styles.requestLine} style={{ padding: "8px 0" }}>{PRESETS.find((p) => p.id === form.preset)?.path}</code>
        </div>
      )}
    </div>
  );
}
