/**
 * What the mapping step starts from for picked fields: the jq expression per field,
 * the identifier and title expressions per kind, and the relations the builder suggests.
 * Expressions follow Ocean's rules (only the first output counts, an error gives null).
 */
import type { BlueprintRelation } from "../port/schemas";
import type { FieldType } from "./field-types";
import { normalizeKind } from "./naming";
import { keyPath, parsePath } from "./paths";

/**
 * The jq expression that maps a field onto a Port property.
 * - `.signInActivity.lastSignInDateTime`: the path itself (a null parent gives null, not an error).
 * - `.passwordCredentials[].endDateTime`: Ocean keeps only the first output of
 *   `.passwordCredentials[].endDateTime`, and errors on a null array, so every value is
 *   collected: `[.passwordCredentials[]?.endDateTime | select(. != null)]`.
 * - `mixed` values become strings (JSON text for non-strings), the one Port type that holds them all.
 */
export function mappingExpression(field: { path: string; type: FieldType }): string {
  const mixed = field.type === "mixed";
  if (!collectsElements(field.path)) return mixed ? `${field.path} | if . == null or type == "string" then . else tojson end` : field.path;
  let path = ".";
  for (const s of parsePath(field.path)!) path = "key" in s ? keyPath(path, s.key) : path === "." ? ".[]?" : `${path}[]?`;
  return `[${path} | select(. != null)${mixed ? ' | if type == "string" then . else tojson end' : ""}]`;
}

/** Whether a field's expression collects every element (its Port property is then an array). */
export function collectsElements(path: string): boolean {
  return (parsePath(path) ?? []).some((s) => "each" in s);
}

export interface EntityExpressions {
  identifier: string;
  title: string;
}

/**
 * Identifier and title expressions per kind. Applications are identified by `appId`, as in
 * the seed mappings (lib/mapping/seed): a service principal's `application` relation is
 * its `appId`, which then names the application entity directly.
 */
export function suggestEntityExpressions(kind: string, fieldPaths: readonly string[] = []): EntityExpressions {
  const has = (path: string) => fieldPaths.includes(path);
  switch (normalizeKind(kind)) {
    case "/users":
      return { identifier: ".id", title: ".displayName // .userPrincipalName" };
    case "/groups":
      return { identifier: ".id", title: ".displayName" };
    case "/applications":
      return { identifier: ".appId", title: ".displayName" };
    case "/serviceprincipals":
      return { identifier: ".id", title: ".displayName // .appDisplayName" };
    case "/groups/{}/members":
      return { identifier: '"\\(.__group_id)-\\(.id)"', title: '"\\(.__group_id)-\\(.id)"' };
    default: {
      const identifier = has(".id") || fieldPaths.length === 0 ? ".id" : fieldPaths[0]!;
      const title = [".displayName", ".name"].find(has) ?? identifier;
      return { identifier, title };
    }
  }
}

export interface RelationSuggestion {
  name: string;
  relation: BlueprintRelation;
  /** The jq expression giving the target's identifier. */
  expression: string;
  why: string;
}

export const GROUP_MEMBERSHIP_RELATIONS: readonly RelationSuggestion[] = [
  {
    name: "group",
    relation: { target: "entra-id-group", title: "Group", many: false, required: false },
    expression: ".__group_id",
    why: "The group of the membership, injected by the nested endpoint /groups/{group_id}/members.",
  },
  {
    name: "member",
    relation: { target: "entra-id-user", title: "Member", many: false, required: false },
    expression: ".id",
    why: "The member user. One membership entity per (group, user) lists every member, past $expand's cap of 20.",
  },
];

/** The relations the builder suggests for a kind's blueprint. */
export function suggestRelations(kind: string): RelationSuggestion[] {
  switch (normalizeKind(kind)) {
    case "/serviceprincipals":
      return [
        {
          name: "application",
          relation: { target: "entra-id-application", title: "Application", many: false, required: false },
          expression: ".appId",
          why: "A service principal belongs to the app registration with the same appId (applications are identified by appId).",
        },
      ];
    case "/groups/{}/members":
      return [...GROUP_MEMBERSHIP_RELATIONS];
    default:
      return [];
  }
}
