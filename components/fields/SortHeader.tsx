"use client";

import { flexRender, type Header } from "@tanstack/react-table";
import type { FieldRow } from "./fields-columns";

const ARROW = { asc: " ▲", desc: " ▼" } as const;

/** A column header that sorts by its column (click again to reverse, a third time to stop). */
export function SortHeader({ header }: { header: Header<FieldRow, unknown> }) {
  const sorted = header.column.getIsSorted();
  return (
    <th aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"} data-column={header.column.id}>
      <button type="button" onClick={header.column.getToggleSortingHandler()} data-testid={`sort-${header.column.id}`}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        {sorted ? ARROW[sorted] : ""}
      </button>
    </th>
  );
}
