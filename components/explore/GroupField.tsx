"use client";

/**
 * The group whose members to list: picked from the groups sample when the project has
 * one (id and display name), typed as an id otherwise or when the group is not in it.
 */
import { useMemo, useState } from "react";
import type { SampleSummary } from "@/lib/builder/contracts";
import { TextField } from "./TextField";
import { useSampleItems } from "./useSamples";
import styles from "./explore.module.css";

const GROUPS_ENDPOINT = "/groups";
const OTHER = "__other__";

interface GroupOption {
  id: string;
  displayName: string | null;
}

function groupOptions(items: unknown[] | undefined): GroupOption[] {
  const options: GroupOption[] = [];
  for (const item of items ?? []) {
    if (!item || typeof item !== "object") continue;
    const { id, displayName } = item as { id?: unknown; displayName?: unknown };
    if (typeof id === "string" && id) options.push({ id, displayName: typeof displayName === "string" ? displayName : null });
  }
  return options;
}

export function GroupField({
  id,
  projectId,
  samples,
  value,
  error,
  onChange,
}: {
  id: string;
  projectId: string;
  samples: SampleSummary[] | undefined;
  value: string;
  error?: string;
  onChange: (groupId: string) => void;
}) {
  const hasGroupsSample = (samples ?? []).some((s) => s.endpoint === GROUPS_ENDPOINT);
  const items = useSampleItems(projectId, GROUPS_ENDPOINT, hasGroupsSample);
  const options = useMemo(() => groupOptions(items.data), [items.data]);
  const [otherChosen, setOtherChosen] = useState(false);
  const inSample = options.some((o) => o.id === value);
  const typing = otherChosen || (value !== "" && !inSample);
  if (options.length === 0) {
    return (
      <TextField
        id={id}
        label="Group id"
        value={value}
        onChange={onChange}
        error={error}
        placeholder="00000000-0000-0000-0000-000000000000"
        help={items.isPending && hasGroupsSample ? "Loading the groups sample…" : "Send a Groups request first to pick a group from its sample, or enter the group's id."}
        testId="group-id"
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>Group</label>
      <select
        id={id}
        className={styles.input}
        value={typing ? OTHER : value}
        aria-invalid={error && !typing ? true : undefined}
        aria-describedby={error && !typing ? `${id}-error` : undefined}
        onChange={(e) => {
          const other = e.target.value === OTHER;
          setOtherChosen(other);
          onChange(other ? "" : e.target.value);
        }}
        data-testid="group-select"
      >
        {value === "" && !typing ? <option value="">Choose a group…</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.displayName ?? "(no display name)"} — {o.id}
          </option>
        ))}
        <option value={OTHER}>Another group (enter its id)…</option>
      </select>
      <span className="help">{options.length.toLocaleString("en-US")} groups from the project&apos;s /groups sample.</span>
      {error && !typing ? <span id={`${id}-error`} className="field-error" role="alert">{error}</span> : null}
      {typing ? <TextField id={`${id}-other`} label="Group id" value={value} onChange={onChange} error={error} testId="group-id" /> : null}
    </div>
  );
}
