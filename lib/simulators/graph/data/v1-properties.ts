/**
 * Every v1.0 property of the directory types the demo serves (Graph's v1.0 reference), so
 * any `$select` that works against a real tenant works against the demo too. The demo
 * generates values for some; the others are returned as null when selected, as Graph does
 * for a property that is not set. Properties Graph returns only when selected (groups'
 * mailbox settings) come from lib/mapping/graph-defaults.ts, the one list of them.
 */
import { GROUP_NON_DEFAULT_PROPERTIES } from "../../../mapping/graph-defaults";

export const USER_V1_PROPERTIES = [
  "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "authorizationInfo", "birthday",
  "businessPhones", "city", "companyName", "consentProvidedForMinor", "country", "createdDateTime", "creationType",
  "customSecurityAttributes", "deletedDateTime", "department", "displayName", "employeeHireDate", "employeeLeaveDateTime",
  "employeeId", "employeeOrgData", "employeeType", "externalUserState", "externalUserStateChangeDateTime", "faxNumber",
  "givenName", "hireDate", "id", "identities", "imAddresses", "interests", "isManagementRestricted", "isResourceAccount",
  "jobTitle", "lastPasswordChangeDateTime", "legalAgeGroupClassification", "licenseAssignmentStates", "mail",
  "mailboxSettings", "mailNickname", "mobilePhone", "mySite", "officeLocation", "onPremisesDistinguishedName",
  "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime",
  "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
  "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile", "pastProjects", "postalCode",
  "preferredDataLocation", "preferredLanguage", "preferredName", "provisionedPlans", "proxyAddresses", "responsibilities",
  "schools", "securityIdentifier", "serviceProvisioningErrors", "showInAddressList", "signInActivity",
  "signInSessionsValidFromDateTime", "skills", "state", "streetAddress", "surname", "usageLocation", "userPrincipalName",
  "userType",
] as const;

export const GROUP_V1_PROPERTIES = [
  "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers", "classification",
  "createdDateTime", "deletedDateTime", "description", "displayName", "expirationDateTime", "groupTypes",
  "hasMembersWithLicenseErrors", "hideFromAddressLists", "hideFromOutlookClients", "id", "isArchived",
  "isAssignableToRole", "isManagementRestricted", "isSubscribedByMail", "licenseProcessingState", "mail", "mailEnabled",
  "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesLastSyncDateTime",
  "onPremisesNetBiosName", "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled", "preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime",
  "resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier",
  "serviceProvisioningErrors", "theme", "uniqueName", "unseenCount", "visibility",
] as const;

export const DEVICE_V1_PROPERTIES = [
  "accountEnabled", "alternativeSecurityIds", "approximateLastSignInDateTime", "complianceExpirationDateTime",
  "deviceCategory", "deviceId", "deviceMetadata", "deviceOwnership", "deviceVersion", "displayName",
  "enrollmentProfileName", "enrollmentType", "extensionAttributes", "id", "isCompliant", "isManaged",
  "isManagementRestricted", "isRooted", "managementType", "manufacturer", "mdmAppId", "model",
  "onPremisesLastSyncDateTime", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "operatingSystem",
  "operatingSystemVersion", "physicalIds", "profileType", "registrationDateTime", "systemLabels", "trustType",
] as const;

/** Known properties: those generated first, then the rest of v1.0 (order kept, no duplicates). */
export function withV1(generated: readonly string[], v1: readonly string[]): string[] {
  return [...new Set([...generated, ...v1])];
}

/** What a group returns without `$select`: every property but the ones Graph returns only when selected. */
export function groupDefaults(properties: readonly string[]): string[] {
  const selectedOnly = new Set<string>(GROUP_NON_DEFAULT_PROPERTIES);
  return properties.filter((p) => !selectedOnly.has(p));
}
