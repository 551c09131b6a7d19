"use client";

/**
 * The columns of the fields table: every one sortable, each sorting by the value it shows
 * (the pick column by picked first, the default column yes / unknown / no).
 */
import { Fragment } from "react";
import { createColumnHelper, type ColumnDef, type Table } from "@tanstack/react-table";
import type { InferredField } from "@/lib/schema";
import { defaultSetLabel, selectWarning } from "./field-picks";
import styles from "./fields.module.css";
import { formatExamples, pathSegments } from "./format";
import { PresenceBar } from "./PresenceBar";

/** A field as the table shows it. */
export interface FieldRow extends InferredField {
  picked: boolean;
  /** Picked, and Graph returns it only when `$select` names it. */
  needsSelect: boolean;
}

/** What the cells call back (the table's `meta`). */
export interface FieldTableMeta {
  onPick(path: string, checked: boolean, shiftKey: boolean): void;
}

const metaOf = (table: Table<FieldRow>) => table.options.meta as FieldTableMeta;

const column = createColumnHelper<FieldRow>();

const defaultRank = (v: boolean | null) => (v === true ? 0 : v === null ? 1 : 2);

export const FIELD_COLUMNS = [
  column.accessor((f) => (f.picked ? 1 : 0), {
    id: "picked",
    header: "Pick",
    sortDescFirst: true,
    cell: ({ row, table }) => (
      <input
        type="checkbox"
        checked={row.original.picked}
        aria-label={`Pick ${row.original.path}`}
        data-testid="pick-field"
        data-path={row.original.path}
        onChange={(e) => metaOf(table).onPick(row.original.path, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey === true)}
      />
    ),
  }),
  column.accessor("path", {
    header: "Path",
    cell: (c) => (
      <span className={styles.path}>
        {pathSegments(c.getValue()).map((segment, i) => (
          <Fragment key={i}>
            {i > 0 && <wbr />}
            {segment}
          </Fragment>
        ))}
      </span>
    ),
  }),
  column.accessor("type", { header: "Type", cell: (c) => <span className={styles.mono}>{c.getValue()}</span> }),
  column.accessor((f) => f.format ?? "", { id: "format", header: "Format", cell: (c) => <span className={styles.mono}>{c.getValue() || "—"}</span> }),
  column.accessor("presence", { header: "Present", sortDescFirst: true, cell: (c) => <PresenceBar share={c.getValue()} /> }),
  column.accessor("nulls", { header: "Null", sortDescFirst: true, cell: (c) => <PresenceBar share={c.getValue()} /> }),
  column.accessor((f) => formatExamples(f.examples), {
    id: "examples",
    header: "Examples",
    cell: (c) => (
      <div className={styles.examples} title={c.getValue()}>
        {c.getValue() || <span className="muted">—</span>}
      </div>
    ),
  }),
  column.accessor((f) => defaultRank(f.inDefaultSet), {
    id: "default",
    header: "Default",
    cell: ({ row }) => (
      <span className={`${styles.defaultCell} ${row.original.inDefaultSet === false ? styles.notDefault : ""}`}>
        {defaultSetLabel(row.original.inDefaultSet)}
        {row.original.needsSelect && (
          <span className={styles.warnMark} title={selectWarning(row.original)} role="img" aria-label={selectWarning(row.original)} data-testid="select-warning-mark">
            ⚠
          </span>
        )}
      </span>
    ),
  }),
] as ColumnDef<FieldRow, unknown>[];
