/** Columns of the previewed entities table. */
import { createColumnHelper } from "@tanstack/react-table";
import type { PreviewEntity } from "./preview-run";
import { cellText } from "./preview-words";

export interface EntityRow extends PreviewEntity {
  /** Position in the resource's entities. */
  n: number;
}

const column = createColumnHelper<EntityRow>();

export const ENTITY_COLUMNS = [
  column.accessor((r) => cellText(r.entity.identifier), { id: "identifier", header: "Identifier", size: 180 }),
  column.accessor((r) => cellText(r.entity.title), { id: "title", header: "Title", size: 160 }),
  column.accessor((r) => cellText(r.entity.blueprint), { id: "blueprint", header: "Blueprint", size: 130 }),
  column.accessor((r) => cellText(r.entity.properties, 120), { id: "properties", header: "Properties", size: 220 }),
  column.accessor((r) => cellText(r.entity.relations, 120), { id: "relations", header: "Relations", size: 160 }),
];

/** Rows whose identifier, title or any value contains the text (case-insensitive). */
export function matchesFilter(row: EntityRow, text: string): boolean {
  if (!text) return true;
  return JSON.stringify(row.entity).toLowerCase().includes(text.toLowerCase());
}
