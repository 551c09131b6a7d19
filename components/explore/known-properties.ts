/**
 * Property names of the resources the Explore step offers for `$select`, from Microsoft
 * Graph v1.0's resource pages (user, group, application, servicePrincipal, device,
 * directoryRole, directoryObject). Relationships (manager, members, owners...) are not
 * properties: they go in `$expand`, so they are not listed here.
 */
import { defaultSetFor } from "@/lib/mapping/graph-defaults";

export type ResourceKind = "user" | "group" | "application" | "servicePrincipal" | "device" | "directoryRole" | "directoryObject" | "member";

const USER = [
  "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "authorizationInfo", "birthday", "businessPhones",
  "city", "companyName", "consentProvidedForMinor", "country", "createdDateTime", "creationType", "customSecurityAttributes",
  "deletedDateTime", "department", "displayName", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData",
  "employeeType", "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName", "hireDate", "id", "identities",
  "imAddresses", "interests", "isManagementRestricted", "isResourceAccount", "jobTitle", "lastPasswordChangeDateTime",
  "legalAgeGroupClassification", "licenseAssignmentStates", "mail", "mailboxSettings", "mailNickname", "mobilePhone", "mySite",
  "officeLocation", "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId",
  "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile", "pastProjects",
  "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName", "provisionedPlans", "proxyAddresses",
  "responsibilities", "schools", "securityIdentifier", "serviceProvisioningErrors", "showInAddressList", "signInActivity",
  "signInSessionsValidFromDateTime", "skills", "state", "streetAddress", "surname", "usageLocation", "userPrincipalName", "userType",
] as const;

const GROUP = [
  "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers", "classification", "createdDateTime",
  "deletedDateTime", "description", "displayName", "expirationDateTime", "groupTypes", "hasMembersWithLicenseErrors",
  "hideFromAddressLists", "hideFromOutlookClients", "id", "isArchived", "isAssignableToRole", "isManagementRestricted",
  "isSubscribedByMail", "licenseProcessingState", "mail", "mailEnabled", "mailNickname", "membershipRule",
  "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName",
  "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
  "preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime", "resourceBehaviorOptions",
  "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "serviceProvisioningErrors", "theme", "uniqueName",
  "unseenCount", "visibility",
] as const;

const APPLICATION = [
  "addIns", "api", "appId", "applicationTemplateId", "appRoles", "certification", "createdDateTime", "defaultRedirectUri",
  "deletedDateTime", "description", "disabledByMicrosoftStatus", "displayName", "groupMembershipClaims", "id", "identifierUris",
  "info", "isDeviceOnlyAuthSupported", "isFallbackPublicClient", "keyCredentials", "logo", "nativeAuthenticationApisEnabled", "notes",
  "oauth2RequirePostResponse", "optionalClaims", "parentalControlSettings", "passwordCredentials", "publicClient", "publisherDomain",
  "requestSignatureVerification", "requiredResourceAccess", "samlMetadataUrl", "serviceManagementReference",
  "servicePrincipalLockConfiguration", "signInAudience", "spa", "tags", "tokenEncryptionKeyId", "uniqueName", "verifiedPublisher", "web",
] as const;

const SERVICE_PRINCIPAL = [
  "accountEnabled", "addIns", "alternativeNames", "appDescription", "appDisplayName", "appId", "applicationTemplateId",
  "appOwnerOrganizationId", "appRoleAssignmentRequired", "appRoles", "customSecurityAttributes", "deletedDateTime", "description",
  "disabledByMicrosoftStatus", "displayName", "homepage", "id", "info", "keyCredentials", "loginUrl", "logoutUrl", "notes",
  "notificationEmailAddresses", "oauth2PermissionScopes", "passwordCredentials", "preferredSingleSignOnMode",
  "preferredTokenSigningKeyThumbprint", "replyUrls", "resourceSpecificApplicationPermissions", "samlSingleSignOnSettings",
  "servicePrincipalNames", "servicePrincipalType", "signInAudience", "tags", "tokenEncryptionKeyId", "verifiedPublisher",
] as const;

const DEVICE = [
  "accountEnabled", "alternativeSecurityIds", "approximateLastSignInDateTime", "complianceExpirationDateTime", "deviceCategory",
  "deviceId", "deviceMetadata", "deviceOwnership", "deviceVersion", "displayName", "enrollmentProfileName", "enrollmentType",
  "extensionAttributes", "id", "isCompliant", "isManaged", "isManagementRestricted", "isRooted", "managementType", "manufacturer",
  "mdmAppId", "model", "onPremisesLastSyncDateTime", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "operatingSystem",
  "operatingSystemVersion", "physicalIds", "profileType", "registrationDateTime", "systemLabels", "trustType",
] as const;

const DIRECTORY_ROLE = ["deletedDateTime", "description", "displayName", "id", "roleTemplateId"] as const;

const DIRECTORY_OBJECT = ["deletedDateTime", "id"] as const;

/**
 * Members are directory objects; Graph accepts the properties of the derived types in
 * `$select` and returns them for the members of that type, users being the common case.
 */
const MEMBER = [...new Set<string>([...DIRECTORY_OBJECT, ...USER])].sort((a, b) => a.localeCompare(b));

export const KNOWN_PROPERTIES: Record<ResourceKind, readonly string[]> = {
  user: USER,
  group: GROUP,
  application: APPLICATION,
  servicePrincipal: SERVICE_PRINCIPAL,
  device: DEVICE,
  directoryRole: DIRECTORY_ROLE,
  directoryObject: DIRECTORY_OBJECT,
  member: MEMBER,
};

/** The resource a path lists or reads, from its collection segments (`/users/{id}` is a user). */
export function resourceKindOf(path: string): ResourceKind | null {
  const segments = path.split("?", 1)[0]!.split("/").filter(Boolean).map((s) => s.toLowerCase());
  const [collection, , relation] = segments;
  if (relation === "members" || relation === "transitivemembers") return "member";
  if (relation !== undefined) return null;
  switch (collection) {
    case "users": return "user";
    case "groups": return "group";
    case "applications": return "application";
    case "serviceprincipals": return "servicePrincipal";
    case "devices": return "device";
    case "directoryroles": return "directoryRole";
    case "directoryobjects": return "directoryObject";
    default: return null;
  }
}

export interface KnownProperty {
  name: string;
  /** Graph returns it without `$select`. */
  isDefault: boolean;
}

export interface KnownProperties {
  kind: ResourceKind | null;
  properties: KnownProperty[];
  /** How Graph's default set relates to the list: only some, all but a few, all, or unknown. */
  defaults: "exact" | "all-but" | "all" | null;
}

/** The known properties of what `path` returns, each marked when Graph returns it by default. */
export function knownPropertiesFor(path: string): KnownProperties {
  const kind = resourceKindOf(path);
  if (!kind) return { kind: null, properties: [], defaults: null };
  const defaults = defaultSetFor(path);
  const isDefault = (name: string): boolean => {
    if (!defaults) return false;
    if (defaults.kind === "all") return true;
    if (defaults.kind === "exact") return defaults.properties.includes(name);
    return !defaults.missing.includes(name);
  };
  return { kind, properties: KNOWN_PROPERTIES[kind].map((name) => ({ name, isDefault: isDefault(name) })), defaults: defaults?.kind ?? null };
}
