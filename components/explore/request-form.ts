/**
 * The request form's state, its validation (the same rules the API applies, so most
 * mistakes are shown at the field before a round trip), and its conversions to the API's
 * request and back from a sample's stored request.
 */
import { graphPath, type ExploreRequest, type SampleSummary } from "@/lib/builder/contracts";
import { requestPathProblem } from "@/lib/graph/request-path";
import { CAPPED_RELATIONSHIPS } from "@/lib/mapping/graph-defaults";
import { GROUP_MEMBERS_PATH, presetById, presetOfPath, type PresetId } from "./presets";
import { isSelected } from "./select-list";

export interface ExploreForm {
  preset: PresetId;
  /** The free path, used when `preset` is "custom". */
  customPath: string;
  /** The group whose members to list, used when `preset` is "groupMembers". */
  groupId: string;
  select: string;
  filter: string;
  top: string;
  expand: string;
  count: boolean;
  search: string;
  orderby: string;
  consistencyLevelEventual: boolean;
}

export const EMPTY_FORM: ExploreForm = {
  preset: "users",
  customPath: "",
  groupId: "",
  select: "",
  filter: "",
  top: "",
  expand: "",
  count: false,
  search: "",
  orderby: "",
  consistencyLevelEventual: false,
};

export type FormField = "path" | "groupId" | "top" | "maxPages";
export type FormErrors = Partial<Record<FormField, string>>;

export const TOP_MIN = 1;
export const TOP_MAX = 999;
export const MAX_PAGES_LIMIT = 1_000;
export const DEFAULT_MAX_PAGES = 10;

/** The path the form sends (a group id is escaped into the members path). */
export function pathOf(form: ExploreForm): string {
  if (form.preset === "custom") {
    const path = form.customPath.trim();
    return path === "" || path.startsWith("/") ? path : `/${path}`;
  }
  if (form.preset === "groupMembers") return GROUP_MEMBERS_PATH.replace("{id}", encodeURIComponent(form.groupId.trim()));
  return presetById(form.preset).path;
}

function topProblem(top: string): string | null {
  const t = top.trim();
  if (t === "") return null;
  if (!/^\d+$/.test(t) || Number(t) < TOP_MIN || Number(t) > TOP_MAX) return `$top is a whole number between ${TOP_MIN} and ${TOP_MAX} (Graph refuses other page sizes).`;
  return null;
}

/** What is wrong with the request, per field; empty when it can be sent. */
export function validateForm(form: ExploreForm): FormErrors {
  const errors: FormErrors = {};
  if (form.preset === "custom") {
    const parsed = graphPath.safeParse(form.customPath);
    if (!parsed.success) errors.path = parsed.error.issues[0]?.message ?? "Enter a path such as /users";
  } else if (form.preset === "groupMembers") {
    if (form.groupId.trim() === "") errors.groupId = "Pick a group, or enter its id.";
    else {
      const problem = requestPathProblem(pathOf(form));
      if (problem) errors.groupId = `That id does not make a valid path: ${problem}.`;
    }
  }
  const top = topProblem(form.top);
  if (top) errors.top = top;
  return errors;
}

const VALUE_OF: Record<FormField, (form: ExploreForm) => string> = {
  path: (f) => f.customPath,
  groupId: (f) => f.groupId,
  top: (f) => f.top,
  maxPages: () => "x",
};

/**
 * The errors to show: all of them once the person tried to send; before that only those
 * of fields holding something (an empty path is not yet a mistake).
 */
export function visibleErrors(form: ExploreForm, errors: FormErrors, attempted: boolean): FormErrors {
  if (attempted) return errors;
  const shown: FormErrors = {};
  for (const [field, message] of Object.entries(errors) as [FormField, string][]) {
    if (VALUE_OF[field](form).trim() !== "") shown[field] = message;
  }
  return shown;
}

export function maxPagesProblem(text: string): string | null {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > MAX_PAGES_LIMIT) return `Enter a whole number of pages between 1 and ${MAX_PAGES_LIMIT.toLocaleString("en-US")}.`;
  return null;
}

/** The API's body for the form; empty options are left out. */
export function toExploreRequest(form: ExploreForm): ExploreRequest & { query: Record<string, string> } {
  const query: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (value.trim() !== "") query[key] = value.trim();
  };
  put("$select", form.select);
  put("$filter", form.filter);
  put("$top", form.top);
  put("$expand", form.expand);
  if (form.count) query.$count = "true";
  put("$search", form.search);
  put("$orderby", form.orderby);
  return { path: pathOf(form), query, consistencyLevelEventual: form.consistencyLevelEventual };
}

/** The form for a sample's stored request (the Open and Refresh actions). */
export function formFromRequest(request: SampleSummary["request"]): ExploreForm {
  const { preset, groupId } = presetOfPath(request.path);
  const q = request.query;
  return {
    ...EMPTY_FORM,
    preset,
    customPath: preset === "custom" ? request.path : "",
    groupId,
    select: q.$select ?? "",
    filter: q.$filter ?? "",
    top: q.$top ?? "",
    expand: q.$expand ?? "",
    count: q.$count === "true",
    search: q.$search ?? "",
    orderby: q.$orderby ?? "",
    consistencyLevelEventual: request.consistencyLevelEventual,
  };
}

/** The form field an API validation error points at (`path`, `query.$top`), if any. */
export function fieldOfServerError(form: ExploreForm, location: string | undefined): FormField | null {
  if (location === "path") return form.preset === "groupMembers" ? "groupId" : "path";
  if (location === "query.$top") return "top";
  if (location === "maxPages") return "maxPages";
  return null;
}

/**
 * What Graph will do with this combination that the person may not expect
 * (microsoft-graph.md: advanced queries, the $expand cap, signInActivity).
 */
export function queryAdvice(form: ExploreForm): string[] {
  const advice: string[] = [];
  const eventual = form.consistencyLevelEventual;
  if (form.search.trim() && !eventual) advice.push("$search needs the header ConsistencyLevel: eventual; without it Graph answers 400.");
  if (form.count && !eventual) advice.push("$count=true is ignored without the header ConsistencyLevel: eventual.");
  // Operators only count outside string literals ('it''s' escapes a quote in OData).
  const filterCode = form.filter.replace(/'(?:[^']|'')*'/g, "''");
  if (/\b(ne|not)\b|\bendsWith\s*\(/i.test(filterCode) && !eventual) {
    advice.push("ne, not and endsWith in $filter are advanced queries: they need ConsistencyLevel: eventual.");
  }
  if (form.orderby.trim() && form.filter.trim() && !eventual) advice.push("$orderby together with $filter needs ConsistencyLevel: eventual.");
  if (form.expand.trim() && eventual) advice.push("$expand cannot be combined with advanced queries (ConsistencyLevel: eventual).");
  const capped = CAPPED_RELATIONSHIPS.find((r) => new RegExp(`(^|,)\\s*${r}\\b`, "i").test(form.expand));
  if (capped) {
    advice.push(`$expand=${capped} returns at most 20 related objects and no next page; for all of them, list /groups/{id}/members (the Group members preset).`);
  }
  if (isSelected(form.select, "signInActivity")) {
    advice.push("signInActivity caps pages at 120 items and needs AuditLog.Read.All and an Entra ID P1/P2 licence.");
  }
  return advice;
}
