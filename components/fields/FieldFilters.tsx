"use client";

import type { FieldFilter } from "./field-picks";
import styles from "./fields.module.css";
import { formatCount } from "./format";

/** Path filter, the two toggles, and the bulk pick actions over what is shown. */
export function FieldFilters({
  filter,
  shown,
  total,
  picked,
  onFilter,
  onPickShown,
  onClear,
}: {
  filter: FieldFilter;
  shown: number;
  total: number;
  picked: number;
  onFilter: (filter: FieldFilter) => void;
  onPickShown: () => void;
  onClear: () => void;
}) {
  return (
    <div className={styles.toolbar}>
      <input
        type="search"
        placeholder="Filter by path"
        aria-label="Filter fields by path"
        value={filter.text}
        data-testid="field-filter"
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <label>
        <input type="checkbox" checked={filter.defaultOnly} onChange={(e) => onFilter({ ...filter, defaultOnly: e.target.checked })} data-testid="filter-default" />
        only fields Graph returns by default
      </label>
      <label>
        <input type="checkbox" checked={filter.pickedOnly} onChange={(e) => onFilter({ ...filter, pickedOnly: e.target.checked })} data-testid="filter-picked" />
        only picked
      </label>
      <span className="spacer" />
      <span className="muted" aria-live="polite" data-testid="field-counts">
        {formatCount(shown)} of {formatCount(total)} shown · {formatCount(picked)} picked
      </span>
      <button type="button" onClick={onPickShown} disabled={shown === 0} data-testid="pick-shown">
        Pick all shown
      </button>
      <button type="button" onClick={onClear} disabled={picked === 0} data-testid="clear-picks">
        Clear picks
      </button>
    </div>
  );
}
