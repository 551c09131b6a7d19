/** How the preview's figures read. */
import type { DropReason } from "@/lib/mapping";

export const countText = (n: number) => n.toLocaleString("en-US");

export const DROP_WORDS: Record<DropReason, string> = {
  selector_false: "skipped by the selector",
  selector_error: "selector errors",
  missing_identifier: "dropped: no identifier",
  missing_blueprint: "dropped: no blueprint",
  items_to_parse_not_list: "itemsToParse not a list",
};

/** A value in a table cell: short JSON. */
export function cellText(value: unknown, max = 80): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
