/** How the preview's figures read. */
import type { DropReason } from "@/lib/mapping";
import { revealInvisible, shownText } from "../explore/visible-text";

export const countText = (n: number) => n.toLocaleString("en-US");

export const DROP_WORDS: Record<DropReason, string> = {
  selector_false: "skipped by the selector",
  selector_error: "selector errors",
  missing_identifier: "dropped: no identifier",
  missing_blueprint: "dropped: no blueprint",
  items_to_parse_not_list: "itemsToParse not a list",
};

/** A value in a table cell: short JSON, bidi and zero-width characters revealed. */
export function cellText(value: unknown, max = 80): string {
  const text = revealInvisible(typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Longest JSON shown in a detail panel: past it, the rest is counted, not laid out. */
export const DETAIL_JSON_MAX = 100_000;

/** A value as indented JSON for a detail panel, invisible characters revealed, cut past DETAIL_JSON_MAX. */
export function detailJson(value: unknown): string {
  return shownText(JSON.stringify(value ?? null, null, 2), DETAIL_JSON_MAX);
}
