"use client";

import type { FieldsResource } from "./field-picks";
import styles from "./fields.module.css";
import { ExpressionInput } from "./ExpressionInput";

/** The identifier and title of each entity, as jq expressions over one Graph item. */
export function EntityExpressions({ resource, stringFields, onChange }: { resource: FieldsResource; stringFields: string[]; onChange: (change: Partial<FieldsResource>) => void }) {
  return (
    <div className={styles.expressions}>
      <ExpressionInput
        label="Identifier"
        help="Unique and stable per item; Port's entity identifier."
        value={resource.identifier}
        stringFields={stringFields}
        testId="identifier-expression"
        onChange={(identifier) => onChange({ identifier })}
      />
      <ExpressionInput
        label="Title"
        help="What Port shows as the entity's name; // gives a fallback."
        value={resource.title}
        stringFields={stringFields}
        testId="title-expression"
        onChange={(title) => onChange({ title })}
      />
    </div>
  );
}
