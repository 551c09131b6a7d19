/**
 * One-click fixes of the lints, as one text edit of the YAML each (applied as one Monaco
 * edit, so Ctrl+Z takes it back; a fix of several steps is folded into the one edit that
 * covers them, since Monaco refuses overlapping edits):
 * - `select`: `$select` filled with every property the mapping reads (selectAssistant),
 *   keeping what it already listed;
 * - `top`: `$top: "999"` (the fewest requests);
 * - `membership`: the 20-capped `$expand=members` replaced with the complete form: the
 *   `$expand` and the fields reading `.members` go, and membership entities from
 *   /groups/{group_id}/members are added (ocean-and-port.md, "Group membership");
 * - `consistency`: the ConsistencyLevel: eventual header advanced queries need;
 * - `next_link`: paginationType skip_token (not an Ocean value) -> next_link;
 * - `membership_entities`: items of a nested resource that all write the same entity
 *   become one membership entity each;
 * - `rename_key`, `kind_slash`: a misspelt key, a kind without its leading "/".
 */
import { readTopLevelProperties, selectAssistant, SEED_RESOURCES, type PortAppConfig, type ResourceConfig } from "@/lib/mapping";
import { applyEdits, minimalEdit, YamlEditor, type TextEdit } from "./yaml-edits";

export type FixKind = "select" | "top" | "membership" | "consistency" | "next_link" | "membership_entities" | "rename_key" | "kind_slash";

export interface FixRequest {
  kind: FixKind;
  resource: number | null;
  /** rename_key: the path of the map, the key and its replacement. */
  rename?: { path: (string | number)[]; from: string; to: string };
}

export const FIX_LABELS: Record<FixKind, string> = {
  select: "Fill $select",
  top: 'Set $top: "999"',
  membership: "Use membership entities",
  consistency: "Add ConsistencyLevel",
  next_link: "Use next_link",
  membership_entities: "One entity per membership",
  rename_key: "Rename",
  kind_slash: 'Add the "/"',
};

const MEMBERSHIP_KIND = "/groups/{group_id}/members";

function paramKey(resource: ResourceConfig, name: string): string | null {
  return Object.keys(resource.selector.query_params ?? {}).find((k) => k.toLowerCase() === name.toLowerCase()) ?? null;
}

function selectFix(ed: YamlEditor, resource: ResourceConfig, index: number): TextEdit[] {
  const key = paramKey(resource, "$select");
  const current = key ? String(resource.selector.query_params![key]).split(",").map((s) => s.trim()).filter(Boolean) : [];
  const wanted = [...current];
  for (const name of selectAssistant(resource)) if (!wanted.some((w) => w.toLowerCase() === name.toLowerCase())) wanted.push(name);
  const edit = ed.setKey(["resources", index, "selector", "query_params"], key ?? "$select", wanted.join(","));
  return edit ? [edit] : [];
}

/** The membership resource's lines, for appending to `resources`. */
function membershipResourceLines(): string[] {
  return SEED_RESOURCES.groupMembership
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => l.replace(/^ {2}/, ""));
}

/** Steps run one after another, each on the text the previous one left (their ranges never overlap). */
type Step = (ed: YamlEditor) => TextEdit | null;

function runSteps(text: string, steps: readonly Step[]): TextEdit[] {
  let current = text;
  for (const step of steps) {
    const edit = step(new YamlEditor(current));
    if (edit) current = applyEdits(current, [edit]);
  }
  const edit = minimalEdit(text, current);
  return edit ? [edit] : [];
}

function membershipFix(text: string, config: PortAppConfig, resource: ResourceConfig, index: number): TextEdit[] {
  const steps: Step[] = [];
  const expand = paramKey(resource, "$expand");
  if (expand) steps.push((ed) => ed.removeKey(["resources", index, "selector", "query_params"], expand));
  // Fields that read the expanded relationship would now be null: they go with it.
  const mappings = resource.port.entity.mappings;
  for (const section of ["properties", "relations"] as const) {
    const entries = Object.entries(mappings[section]);
    const reading = entries.filter(([, v]) => typeof v === "string" && readTopLevelProperties(v).some((p) => /^(members|transitiveMembers|owners)$/.test(p)));
    const path = ["resources", index, "port", "entity", "mappings", section];
    if (reading.length > 0 && reading.length === entries.length) steps.push((ed) => ed.removeKey(path.slice(0, -1), section));
    else for (const [name] of reading) steps.push((ed) => ed.removeKey(path, name));
  }
  if (!config.resources.some((r) => r.kind === MEMBERSHIP_KIND)) steps.push((ed) => ed.appendItem(["resources"], membershipResourceLines()));
  return runSteps(text, steps);
}

function membershipEntitiesFix(text: string, index: number): TextEdit[] {
  const base = ["resources", index, "port", "entity", "mappings"];
  const relations = ["group: .__group_id", "member: .id"];
  return runSteps(text, [
    (ed) => ed.setScalar([...base, "identifier"], '"\\(.__group_id)-\\(.id)"'),
    (ed) => ed.setScalar([...base, "blueprint"], '"entra-id-group-membership"'),
    (ed) => (ed.node([...base, "relations"]) ? ed.replaceMap([...base, "relations"], relations) : ed.setKey(base, "relations", relations)),
  ]);
}

/** The edits of one fix on `text` (parsed as `config`); empty when it no longer applies. */
export function fixEdits(text: string, config: PortAppConfig, fix: FixRequest): TextEdit[] {
  const ed = new YamlEditor(text);
  const index = fix.resource;
  const resource = index === null ? undefined : config.resources[index];
  const one = (e: TextEdit | null) => (e ? [e] : []);
  switch (fix.kind) {
    case "select":
      return resource ? selectFix(ed, resource, index!) : [];
    case "top":
      return resource ? one(ed.setKey(["resources", index!, "selector", "query_params"], paramKey(resource, "$top") ?? "$top", "999")) : [];
    case "membership":
      return resource ? membershipFix(text, config, resource, index!) : [];
    case "consistency":
      return resource ? one(ed.setKey(["resources", index!, "selector", "headers"], "ConsistencyLevel", "eventual")) : [];
    case "next_link":
      return one(ed.setKey([], "paginationType", "next_link"));
    case "membership_entities":
      return resource ? membershipEntitiesFix(text, index!) : [];
    case "rename_key":
      return fix.rename ? one(ed.renameKey(fix.rename.path, fix.rename.from, fix.rename.to)) : [];
    case "kind_slash":
      return resource ? one(ed.setScalar(["resources", index!, "kind"], `/${resource.kind}`)) : [];
  }
}
