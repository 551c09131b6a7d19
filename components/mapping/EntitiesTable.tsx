"use client";

/**
 * The entities a resource produced from its sample: virtualised (a thousand rows scroll
 * without a thousand DOM rows), filterable, one row selected to show beside its item.
 * Rows are buttons for the keyboard: Tab reaches the table, arrows move, Enter opens.
 */
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ENTITY_COLUMNS, matchesFilter, type EntityRow } from "./entity-columns";
import type { PreviewEntity } from "./preview-run";
import { countText } from "./preview-words";
import styles from "./mapping.module.css";

const ROW_HEIGHT = 31;

export function EntitiesTable({ entities, selected, onSelect }: { entities: readonly PreviewEntity[]; selected: number | null; onSelect: (n: number) => void }) {
  const [filter, setFilter] = useState("");
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = useMemo(() => entities.map((e, n) => ({ ...e, n })).filter((r) => matchesFilter(r, filter)), [entities, filter]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read during render only
  const table = useReactTable<EntityRow>({ data, columns: ENTITY_COLUMNS, getCoreRowModel: getCoreRowModel(), getRowId: (r) => String(r.n) });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const cols = ENTITY_COLUMNS.length;

  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const move = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(rows[index]!.original.n);
    } else if (move !== 0) {
      event.preventDefault();
      const next = Math.min(rows.length - 1, Math.max(0, index + move));
      virtualizer.scrollToIndex(next);
      onSelect(rows[next]!.original.n);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${next}"]`)?.focus());
    }
  };

  return (
    <div>
      <div className={styles.toolbar}>
        <input type="search" placeholder="Filter entities" aria-label="Filter entities" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="entity-filter" />
        <span className="muted" data-testid="entity-count">
          {filter ? `${countText(rows.length)} of ${countText(entities.length)}` : countText(entities.length)} entities
        </span>
      </div>
      <div className={styles.tableScroll} ref={scrollRef}>
        <table className={styles.table} aria-label="Entities" aria-rowcount={rows.length + 1} data-testid="entities-table">
          <colgroup>
            {ENTITY_COLUMNS.map((c) => (
              <col key={c.id} style={{ width: c.size }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <th key={h.id} scope="col">
                    {flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={cols} style={{ height: padTop, padding: 0, border: "none" }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={row.original.n === selected}
                  tabIndex={row.original.n === selected || (selected === null && item.index === 0) ? 0 : -1}
                  onClick={() => onSelect(row.original.n)}
                  onKeyDown={(e) => onKey(e, item.index)}
                  data-testid="entity-row"
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} title={String(cell.getValue())}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={cols} style={{ height: padBottom, padding: 0, border: "none" }} />
              </tr>
            )}
            {rows.length === 0 && (
              <tr>
                <td colSpan={cols} className={styles.empty}>
                  {entities.length === 0 ? "No entity from this sample." : "No entity matches the filter."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
