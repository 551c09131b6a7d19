"use client";

/** $filter, $top, $expand, $search, $orderby, $count and the ConsistencyLevel header. */
import type { ExploreForm, FormErrors } from "./request-form";
import { TOP_MAX, TOP_MIN } from "./request-form";
import { TextField } from "./TextField";
import styles from "./explore.module.css";

export function QueryOptionFields({
  idPrefix,
  form,
  errors,
  onChange,
}: {
  idPrefix: string;
  form: ExploreForm;
  errors: FormErrors;
  onChange: (patch: Partial<ExploreForm>) => void;
}) {
  return (
    <>
      <div className={styles.options}>
        <TextField id={`${idPrefix}-filter`} label="$filter" value={form.filter} onChange={(filter) => onChange({ filter })} placeholder="startsWith(displayName,'A')" testId="opt-filter" />
        <TextField
          id={`${idPrefix}-top`}
          label="$top"
          value={form.top}
          onChange={(top) => onChange({ top })}
          error={errors.top}
          inputMode="numeric"
          placeholder="100"
          help={`Page size, ${TOP_MIN} to ${TOP_MAX}; Graph's default is 100.`}
          testId="opt-top"
        />
        <TextField id={`${idPrefix}-expand`} label="$expand" value={form.expand} onChange={(expand) => onChange({ expand })} placeholder="manager($select=id)" testId="opt-expand" />
        <TextField id={`${idPrefix}-search`} label="$search" value={form.search} onChange={(search) => onChange({ search })} placeholder={'"displayName:Web"'} testId="opt-search" />
        <TextField id={`${idPrefix}-orderby`} label="$orderby" value={form.orderby} onChange={(orderby) => onChange({ orderby })} placeholder="displayName" testId="opt-orderby" />
      </div>
      <div className={styles.checks}>
        <label className={styles.check}>
          <input type="checkbox" checked={form.count} onChange={(e) => onChange({ count: e.target.checked })} data-testid="opt-count" />
          <span>
            $count=true
            <span className={styles.checkHelp}>Adds @odata.count (the total) to the first page.</span>
          </span>
        </label>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={form.consistencyLevelEventual}
            onChange={(e) => onChange({ consistencyLevelEventual: e.target.checked })}
            data-testid="opt-consistency"
          />
          <span>
            Header <code>ConsistencyLevel: eventual</code>
            <span className={styles.checkHelp}>Needed by $search, $count and advanced $filter (ne, not, endsWith; $orderby with $filter).</span>
          </span>
        </label>
      </div>
    </>
  );
}
