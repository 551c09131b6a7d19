"use client";

import { CLOUDS, type CloudId } from "@/lib/graph/clouds";
import type { ShownError } from "./field-errors";
import { SelectField } from "./SelectField";

const OPTIONS = Object.values(CLOUDS).map((c) => ({ value: c.id, label: c.label }));

/** The national cloud: it decides the login and Graph hosts. */
export function CloudSelect({ value, onChange, error }: { value: CloudId; onChange: (cloud: CloudId) => void; error?: ShownError | null }) {
  return (
    <SelectField
      id="graph-cloud"
      name="cloud"
      label="Cloud"
      value={value}
      options={OPTIONS}
      onChange={onChange}
      error={error}
      help={`Signs in at ${CLOUDS[value].loginHost}, reads ${CLOUDS[value].graphHost}.`}
    />
  );
}
