/**
 * What Microsoft Graph returns without `$select` (microsoft-graph.md, "Default property
 * sets"), and the directory relationships that `$expand` caps at 20 objects.
 */

/** user: only these without $select (accountEnabled, department, ... are absent). */
export const USER_DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "id",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
] as const;

/** group properties Graph returns only when selected (the rest are default). */
export const GROUP_NON_DEFAULT_PROPERTIES = [
  "allowExternalSenders",
  "autoSubscribeNewMembers",
  "hideFromAddressLists",
  "hideFromOutlookClients",
  "isSubscribedByMail",
  "unseenCount",
  "isArchived",
  "hasMembersWithLicenseErrors",
  "assignedLabels",
] as const;

/** Relationships `$expand` returns at most 20 of, with no nextLink. */
export const CAPPED_RELATIONSHIPS = ["members", "transitiveMembers", "memberOf", "transitiveMemberOf", "owners", "registeredOwners", "registeredUsers"] as const;

export type DefaultSet = { kind: "exact"; properties: readonly string[] } | { kind: "all-but"; missing: readonly string[] } | { kind: "all" };

/** The default set for a resource kind (a path, possibly with `{param}`). */
export function defaultSetFor(kind: string): DefaultSet | null {
  const path = kind.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "").toLowerCase();
  if (/^\/users(\/delta)?$/.test(path)) return { kind: "exact", properties: USER_DEFAULT_PROPERTIES };
  // Members are directory objects; users among them come with the user default set.
  if (/^\/groups\/[^/]+\/(members|transitivemembers)(\/microsoft\.graph\.user)?$/.test(path)) {
    return { kind: "exact", properties: USER_DEFAULT_PROPERTIES };
  }
  if (/^\/groups(\/delta)?$/.test(path)) return { kind: "all-but", missing: GROUP_NON_DEFAULT_PROPERTIES };
  if (/^\/(applications|serviceprincipals)(\/delta)?$/.test(path)) return { kind: "all" };
  return null;
}
