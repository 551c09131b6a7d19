/**
 * The Fields step's rules, without React: which fields are shown, how a pick (or a
 * shift-click range of picks) changes the picked list, the resource entry of an endpoint
 * with the suggested identifier and title, and which picked fields Graph leaves out
 * unless `$select` names them.
 */
import type { FieldsDocument } from "@/lib/builder/contracts";
import { suggestEntityExpressions, type InferredField } from "@/lib/schema";
import { parsePath } from "@/lib/schema/paths";

export type FieldsResource = FieldsDocument["resources"][string];

export interface FieldFilter {
  /** Part of the path, any case. */
  text: string;
  /** Hide the fields Graph is known to leave out without `$select`. */
  defaultOnly: boolean;
  pickedOnly: boolean;
}

export const NO_FILTER: FieldFilter = { text: "", defaultOnly: false, pickedOnly: false };

export function filterFields(fields: readonly InferredField[], filter: FieldFilter, picked: ReadonlySet<string>): InferredField[] {
  const text = filter.text.trim().toLowerCase();
  return fields.filter(
    (f) =>
      (!text || f.path.toLowerCase().includes(text)) &&
      (!filter.defaultOnly || f.inDefaultSet !== false) &&
      (!filter.pickedOnly || picked.has(f.path)),
  );
}

/** The top-level Graph property of a field path (`.signInActivity.lastSignInDateTime` -> `signInActivity`). */
export function topLevelProperty(path: string): string | null {
  const first = parsePath(path)?.[0];
  return first && "key" in first ? first.key : null;
}

/** The properties a `$select` names, lower-cased (Graph reads them case-insensitively); null without `$select`. */
export function selectedProperties(select: string | undefined): Set<string> | null {
  if (select === undefined || select.trim() === "") return null;
  return new Set(select.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/** Whether Graph returns this field only when `$select` names it, and the sample's `$select` does not. */
export function needsSelect(field: InferredField, select: ReadonlySet<string> | null): boolean {
  if (field.inDefaultSet !== false) return false;
  const property = topLevelProperty(field.path);
  return property !== null && !(select?.has(property.toLowerCase()) ?? false);
}

export function selectWarning(field: InferredField): string {
  const property = topLevelProperty(field.path) ?? field.path;
  return `Graph returns ${property} only when selected: the mapping's $select must list it (the Mapping step can write it for you).`;
}

/** The picked fields that need a `$select`, one warning per top-level property. */
export function selectWarnings(fields: readonly InferredField[], picked: readonly string[], select: ReadonlySet<string> | null): { property: string; message: string }[] {
  const pickedSet = new Set(picked);
  const seen = new Set<string>();
  const out: { property: string; message: string }[] = [];
  for (const field of fields) {
    if (!pickedSet.has(field.path) || !needsSelect(field, select)) continue;
    const property = topLevelProperty(field.path)!;
    if (seen.has(property)) continue;
    seen.add(property);
    out.push({ property, message: selectWarning(field) });
  }
  return out;
}

/** Picked paths this sample has no field for (taken again with another `$select`, or the items changed): kept, but not in the table. */
export function missingPicks(fields: readonly InferredField[], picked: readonly string[]): string[] {
  const have = new Set(fields.map((f) => f.path));
  return picked.filter((p) => !have.has(p));
}

/** The "default" column in words. */
export function defaultSetLabel(inDefaultSet: boolean | null): string {
  if (inDefaultSet === true) return "yes";
  if (inDefaultSet === false) return "not returned unless selected";
  return "unknown";
}

/** Sets `paths` picked or not, keeping the order of the existing picks and adding new ones at the end. */
export function setPicked(picked: readonly string[], paths: readonly string[], checked: boolean): string[] {
  const change = new Set(paths);
  if (!checked) return picked.filter((p) => !change.has(p));
  const have = new Set(picked);
  const added: string[] = [];
  for (const path of paths) {
    if (have.has(path)) continue;
    have.add(path);
    added.push(path);
  }
  return [...picked, ...added];
}

/**
 * A shift-click: every shown path from the anchor (the last clicked) to the target takes
 * the target's new state. Without an anchor that is still shown, only the target changes.
 */
export function pickRange(picked: readonly string[], shownPaths: readonly string[], anchor: string | null, target: string, checked: boolean): string[] {
  const to = shownPaths.indexOf(target);
  const from = anchor === null ? -1 : shownPaths.indexOf(anchor);
  if (to < 0) return [...picked];
  if (from < 0) return setPicked(picked, [target], checked);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  return setPicked(picked, shownPaths.slice(lo, hi + 1), checked);
}

/** Strings a mapping can use as identifier or title (not arrays, not objects). */
export function stringFieldPaths(fields: readonly InferredField[]): string[] {
  return fields.filter((f) => f.type === "string" && !(parsePath(f.path) ?? []).some((s) => "each" in s)).map((f) => f.path);
}

/** The endpoint's entry of the document, or a fresh one with the suggested identifier and title. */
export function resourceOf(doc: FieldsDocument, endpoint: string, kind: string, fields: readonly InferredField[]): FieldsResource {
  const stored = doc.resources[endpoint];
  if (stored) return stored;
  const suggested = suggestEntityExpressions(kind, fields.map((f) => f.path));
  return { picked: [], identifier: suggested.identifier, title: suggested.title };
}

/** The document with the endpoint's entry changed (created with the suggestions when absent). */
export function updateResource(
  doc: FieldsDocument,
  endpoint: string,
  kind: string,
  fields: readonly InferredField[],
  change: (resource: FieldsResource) => FieldsResource,
): FieldsDocument {
  const next = change(resourceOf(doc, endpoint, kind, fields));
  return { ...doc, resources: { ...doc.resources, [endpoint]: next } };
}
