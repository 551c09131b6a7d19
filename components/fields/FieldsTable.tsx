"use client";

/**
 * The inferred fields of one endpoint: sortable by every column, virtualised so a sample
 * with thousands of paths scrolls smoothly. Shift-click on a pick box picks (or unpicks)
 * every shown field between it and the last one clicked.
 */
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { InferredField } from "@/lib/schema";
import { needsSelect } from "./field-picks";
import { FIELD_COLUMNS, type FieldRow, type FieldTableMeta } from "./fields-columns";
import styles from "./fields.module.css";
import { SortHeader } from "./SortHeader";

const ROW_HEIGHT = 37;

export function FieldsTable({
  fields,
  picked,
  select,
  onPickRange,
}: {
  fields: InferredField[];
  picked: ReadonlySet<string>;
  select: ReadonlySet<string> | null;
  /** `anchor` is the last clicked path for a shift-click, else null; `shown` is the displayed order. */
  onPickRange: (shown: string[], anchor: string | null, target: string, checked: boolean) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const anchor = useRef<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = useMemo<FieldRow[]>(
    () => fields.map((f) => ({ ...f, picked: picked.has(f.path), needsSelect: picked.has(f.path) && needsSelect(f, select) })),
    [fields, picked, select],
  );

  const meta: FieldTableMeta = {
    onPick: (path, checked, shiftKey) => {
      const shown = table.getRowModel().rows.map((r) => r.id);
      onPickRange(shown, shiftKey ? anchor.current : null, path, checked);
      anchor.current = path;
    },
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read during render only
  const table = useReactTable({
    data,
    columns: FIELD_COLUMNS,
    state: { sorting },
    meta,
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (f) => f.path,
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const colSpan = FIELD_COLUMNS.length;

  return (
    <div className={styles.tableScroll} ref={scrollRef} tabIndex={-1}>
      <table className={styles.table} aria-label="Inferred fields" aria-rowcount={rows.length + 1} data-testid="fields-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: padTop, padding: 0, border: "none" }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={row.original.picked ? styles.picked : undefined}
                aria-rowindex={item.index + 2}
                data-testid="field-row"
                data-path={row.id}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === "picked" ? styles.pickCell : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: padBottom, padding: 0, border: "none" }} />
            </tr>
          )}
          {rows.length === 0 && (
            <tr>
              <td colSpan={colSpan} className={styles.empty}>
                No field matches the filter.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
