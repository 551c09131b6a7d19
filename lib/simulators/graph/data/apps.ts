/**
 * App registrations and service principals of the demo tenant. Service principal i < the
 * number of app registrations belongs to application i (same appId); the rest are
 * Microsoft first-party apps, third-party apps and managed identities.
 */
import { guidFor, hash32, isoDaysAfter, isoDaysBefore, KIND_CODES, rngFor, type Rng } from "../random";
import { applicationSettings } from "./app-settings";
import type { GenContext, GraphObject } from "./context";
import { APP_ENVIRONMENTS, APP_NAMES, AZURE_REGIONS, FIRST_PARTY_APPS, MANAGED_IDENTITY_PREFIXES, THIRD_PARTY_APPS } from "./words";

const MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
const AUDIENCES = ["AzureADMyOrg", "AzureADMyOrg", "AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"] as const;

export function applicationId(ctx: GenContext, i: number): string {
  return guidFor(ctx.seed, KIND_CODES.applications, i);
}
export function appIdOf(ctx: GenContext, i: number): string {
  return guidFor(ctx.seed, KIND_CODES.appIds, i);
}
export function servicePrincipalId(ctx: GenContext, i: number): string {
  return guidFor(ctx.seed, KIND_CODES.servicePrincipals, i);
}

function appName(i: number): string {
  const base = APP_NAMES[i % APP_NAMES.length]!;
  const env = APP_ENVIRONMENTS[Math.floor(i / APP_NAMES.length) % APP_ENVIRONMENTS.length]!;
  const round = Math.floor(i / (APP_NAMES.length * APP_ENVIRONMENTS.length));
  return `${base} (${env})${round ? ` ${round + 1}` : ""}`;
}

/** Credentials with dates around the reference day: some expired, some expiring soon. */
function passwordCredentials(ctx: GenContext, rng: Rng, i: number): GraphObject[] {
  const n = rng.chance(0.2) ? 0 : rng.between(1, 3);
  return Array.from({ length: n }, (_, j) => {
    const start = rng.between(30, 900);
    const end = rng.chance(0.25) ? -rng.between(1, 400) : rng.between(1, 730);
    return {
      customKeyIdentifier: null,
      displayName: rng.pick(["CI/CD", "Ocean integration", "Local dev", null, "Backup job"]),
      endDateTime: end < 0 ? isoDaysBefore(-end, rng) : isoDaysAfter(end, rng),
      hint: rng.hex(3).replace(/^./, (c) => c.toUpperCase()),
      keyId: guidFor(ctx.seed, KIND_CODES.applications, 0x1000000 + i * 8 + j),
      secretText: null,
      startDateTime: isoDaysBefore(start, rng),
    };
  });
}

function keyCredentials(ctx: GenContext, rng: Rng, i: number, owner: string): GraphObject[] {
  const n = rng.chance(0.65) ? 0 : rng.between(1, 2);
  return Array.from({ length: n }, (_, j) => {
    const end = rng.chance(0.3) ? -rng.between(1, 300) : rng.between(10, 1000);
    return {
      customKeyIdentifier: rng.hex(40).toUpperCase(),
      displayName: `CN=${owner}`,
      endDateTime: end < 0 ? isoDaysBefore(-end, rng) : isoDaysAfter(end, rng),
      key: Buffer.from(`demo-certificate-${ctx.seed}-${i}-${j}`).toString("base64"),
      keyId: guidFor(ctx.seed, KIND_CODES.applications, 0x2000000 + i * 8 + j),
      startDateTime: isoDaysBefore(rng.between(30, 700), rng),
      type: "AsymmetricX509Cert",
      usage: "Verify",
    };
  });
}

export function applicationAt(ctx: GenContext, i: number): GraphObject {
  const rng = rngFor(ctx.seed, KIND_CODES.applications, i);
  const appId = appIdOf(ctx, i);
  const displayName = appName(i);
  const slug = displayName.split(" ")[0]!.toLowerCase();
  // Drawn in this order since the first version, so each app keeps its values.
  const createdDateTime = isoDaysBefore(rng.between(5, 6 * 365), rng);
  const description = rng.chance(0.5) ? `${displayName} - owned by the platform team` : null;
  const identifierUris = rng.chance(0.6) ? [`api://${appId}`] : [];
  const signInAudience = rng.pick(AUDIENCES);
  const tags = rng.chance(0.3) ? ["HideApp"] : [];
  const webRedirects = rng.chance(0.5) ? [`https://${slug}.${ctx.mailDomain}/signin-oidc`] : [];
  const passwords = passwordCredentials(ctx, rng, i);
  const keys = keyCredentials(ctx, rng, i, displayName);
  const settings = applicationSettings(ctx, { index: i, appId, displayName, slug, exposesApi: identifierUris.length > 0, webRedirects });
  // Graph's property order for a v1.0 application.
  return {
    id: applicationId(ctx, i),
    deletedDateTime: null,
    appId,
    applicationTemplateId: settings.applicationTemplateId,
    disabledByMicrosoftStatus: settings.disabledByMicrosoftStatus,
    createdDateTime,
    displayName,
    description,
    groupMembershipClaims: settings.groupMembershipClaims,
    identifierUris,
    isDeviceOnlyAuthSupported: settings.isDeviceOnlyAuthSupported,
    isFallbackPublicClient: settings.isFallbackPublicClient,
    nativeAuthenticationApisEnabled: settings.nativeAuthenticationApisEnabled,
    notes: null,
    publisherDomain: ctx.initialDomain,
    serviceManagementReference: settings.serviceManagementReference,
    signInAudience,
    tags,
    tokenEncryptionKeyId: settings.tokenEncryptionKeyId,
    uniqueName: settings.uniqueName,
    samlMetadataUrl: settings.samlMetadataUrl,
    defaultRedirectUri: settings.defaultRedirectUri,
    certification: settings.certification,
    optionalClaims: settings.optionalClaims,
    servicePrincipalLockConfiguration: settings.servicePrincipalLockConfiguration,
    requestSignatureVerification: settings.requestSignatureVerification,
    oauth2RequirePostResponse: settings.oauth2RequirePostResponse,
    addIns: settings.addIns,
    api: settings.api,
    appRoles: settings.appRoles,
    info: settings.info,
    keyCredentials: keys,
    parentalControlSettings: settings.parentalControlSettings,
    passwordCredentials: passwords,
    publicClient: settings.publicClient,
    requiredResourceAccess: settings.requiredResourceAccess,
    verifiedPublisher: settings.verifiedPublisher,
    web: settings.web,
    spa: settings.spa,
  };
}

type SpKind = "ownApp" | "firstParty" | "thirdParty" | "managedIdentity";

function spKind(ctx: GenContext, i: number): { kind: SpKind; n: number } {
  const own = Math.min(ctx.sizes.applications, Math.ceil(ctx.sizes.servicePrincipals * 0.4));
  if (i < own) return { kind: "ownApp", n: i };
  const rest = i - own;
  if (rest < FIRST_PARTY_APPS.length) return { kind: "firstParty", n: rest };
  const third = Math.ceil((ctx.sizes.servicePrincipals - own) * 0.35);
  if (rest < FIRST_PARTY_APPS.length + third) return { kind: "thirdParty", n: rest - FIRST_PARTY_APPS.length };
  return { kind: "managedIdentity", n: rest - FIRST_PARTY_APPS.length - third };
}

export function servicePrincipalAt(ctx: GenContext, i: number): GraphObject {
  const rng = rngFor(ctx.seed, KIND_CODES.servicePrincipals, i);
  const { kind, n } = spKind(ctx, i);
  const id = servicePrincipalId(ctx, i);
  // v1.0 servicePrincipal: no createdDateTime (beta only); `$select` of it is Graph's 400.
  const base = {
    id,
    deletedDateTime: null,
    accountEnabled: !rng.chance(0.04),
    appRoleAssignmentRequired: rng.chance(0.3),
    appDescription: null,
    applicationTemplateId: null,
    description: null,
    disabledByMicrosoftStatus: null,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [] as string[],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: [] as string[],
    samlSingleSignOnSettings: null,
    tags: [] as string[],
    tokenEncryptionKeyId: null,
    addIns: [] as GraphObject[],
    appRoles: [] as GraphObject[],
    info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null } as GraphObject,
    oauth2PermissionScopes: [] as GraphObject[],
    resourceSpecificApplicationPermissions: [] as GraphObject[],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null } as GraphObject,
    keyCredentials: [] as GraphObject[],
    passwordCredentials: [] as GraphObject[],
    alternativeNames: [] as string[],
  };
  if (kind === "ownApp") {
    const app = applicationAt(ctx, n);
    const appId = String(app.appId);
    return {
      ...base,
      appDisplayName: app.displayName,
      appId,
      appOwnerOrganizationId: ctx.tenantId,
      displayName: app.displayName,
      publisherName: "Contoso (demo)",
      servicePrincipalNames: [appId, ...(app.identifierUris as string[])],
      servicePrincipalType: "Application",
      signInAudience: app.signInAudience,
      tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
      // An app's service principal carries the roles, scopes and redirect URIs its registration defines.
      appRoles: app.appRoles as GraphObject[],
      oauth2PermissionScopes: (app.api as { oauth2PermissionScopes: GraphObject[] }).oauth2PermissionScopes,
      replyUrls: [app.web, app.spa, app.publicClient].flatMap((platform) => (platform as { redirectUris: string[] }).redirectUris),
      info: app.info as GraphObject,
    };
  }
  if (kind === "firstParty") {
    const [name, appId] = FIRST_PARTY_APPS[n]!;
    return {
      ...base,
      accountEnabled: true,
      appDisplayName: name,
      appId,
      appOwnerOrganizationId: MICROSOFT_TENANT,
      displayName: name,
      publisherName: "Microsoft Services",
      servicePrincipalNames: [appId],
      servicePrincipalType: "Application",
      signInAudience: "AzureADMultipleOrgs",
      oauth2PermissionScopes: [{ adminConsentDescription: "Allows the app to read data.", adminConsentDisplayName: "Read data", id: guidFor(ctx.seed, KIND_CODES.appIds, 0x2000000 + i), isEnabled: true, type: "User", value: "user_impersonation" }],
    };
  }
  if (kind === "thirdParty") {
    const [name, publisher] = THIRD_PARTY_APPS[n % THIRD_PARTY_APPS.length]!;
    const round = Math.floor(n / THIRD_PARTY_APPS.length);
    const appId = guidFor(ctx.seed, KIND_CODES.appIds, 0x3000000 + i);
    return {
      ...base,
      appDisplayName: name,
      appId,
      appOwnerOrganizationId: guidFor(hash32(ctx.seed, n % THIRD_PARTY_APPS.length), KIND_CODES.tenant, 1),
      displayName: round ? `${name} ${round + 1}` : name,
      publisherName: publisher,
      servicePrincipalNames: [appId],
      servicePrincipalType: "Application",
      signInAudience: "AzureADMultipleOrgs",
      tags: ["WindowsAzureActiveDirectoryGalleryApplicationNonPrimaryV1"],
    };
  }
  const name = `${rng.pick(MANAGED_IDENTITY_PREFIXES)}-${rng.pick(APP_NAMES).split(" ")[0]!.toLowerCase()}-${rng.pick(APP_ENVIRONMENTS)}-${n}`;
  const appId = guidFor(ctx.seed, KIND_CODES.appIds, 0x4000000 + i);
  const sub = guidFor(ctx.seed, KIND_CODES.tenant, 100 + (n % 3));
  return {
    ...base,
    appDisplayName: null,
    appId,
    appOwnerOrganizationId: null,
    displayName: name,
    publisherName: null,
    servicePrincipalNames: [appId, `https://identity.azure.net/${Buffer.from(name).toString("base64url")}`],
    servicePrincipalType: "ManagedIdentity",
    signInAudience: null,
    alternativeNames: [`isExplicit=False`, `/subscriptions/${sub}/resourcegroups/rg-${rng.pick(AZURE_REGIONS)}/providers/Microsoft.Web/sites/${name}`],
    keyCredentials: [{ customKeyIdentifier: rng.hex(40).toUpperCase(), displayName: appId, endDateTime: isoDaysAfter(rng.between(10, 90), rng), key: null, keyId: guidFor(ctx.seed, KIND_CODES.appIds, 0x5000000 + i), startDateTime: isoDaysBefore(rng.between(1, 90), rng), type: "AsymmetricX509Cert", usage: "Verify" }],
  };
}

export function deviceAt(ctx: GenContext, i: number): GraphObject {
  const rng = rngFor(ctx.seed, KIND_CODES.devices, i);
  const os = rng.pick(["Windows", "Windows", "Windows", "MacMDM", "iOS", "Android"] as const);
  const versions: Record<string, string[]> = { Windows: ["10.0.19045.4529", "10.0.22631.3737", "10.0.26100.1150"], MacMDM: ["14.5", "15.0"], iOS: ["17.5.1", "18.0"], Android: ["14", "15"] };
  return {
    id: guidFor(ctx.seed, KIND_CODES.devices, i),
    deletedDateTime: null,
    accountEnabled: !rng.chance(0.05),
    approximateLastSignInDateTime: isoDaysBefore(rng.between(0, 120), rng),
    createdDateTime: isoDaysBefore(rng.between(30, 4 * 365), rng),
    deviceId: guidFor(ctx.seed, KIND_CODES.devices, i + 0x10000000),
    displayName: `${os === "Windows" ? "DESKTOP" : os === "MacMDM" ? "MBP" : "PHONE"}-${rng.hex(7).toUpperCase()}`,
    isCompliant: rng.chance(0.85),
    isManaged: rng.chance(0.9),
    manufacturer: os === "Windows" ? rng.pick(["Microsoft Corporation", "Dell Inc.", "LENOVO", "HP"]) : os === "Android" ? "samsung" : "Apple",
    model: os === "Windows" ? rng.pick(["Surface Laptop 6", "Latitude 7440", "ThinkPad X1 Carbon Gen 12"]) : os === "Android" ? "Galaxy S24" : os === "iOS" ? "iPhone 15" : "MacBook Pro",
    operatingSystem: os,
    operatingSystemVersion: rng.pick(versions[os]!),
    profileType: "RegisteredDevice",
    trustType: os === "Windows" ? rng.pick(["AzureAd", "ServerAd"]) : "Workplace",
  };
}

export function organizationAt(ctx: GenContext): GraphObject {
  return {
    id: ctx.tenantId,
    deletedDateTime: null,
    businessPhones: ["+1 425 555 0100"],
    city: "Redmond",
    country: null,
    countryLetterCode: "US",
    createdDateTime: "2016-03-14T09:26:53Z",
    displayName: "Contoso (demo)",
    onPremisesSyncEnabled: true,
    postalCode: "98052",
    preferredLanguage: "en",
    state: "WA",
    street: "1 Demo Way",
    tenantType: "AAD",
    verifiedDomains: [
      { capabilities: "Email, OfficeCommunicationsOnline", isDefault: false, isInitial: true, name: ctx.initialDomain, type: "Managed" },
      { capabilities: "Email", isDefault: true, isInitial: false, name: ctx.mailDomain, type: "Managed" },
    ],
    assignedPlans: [{ assignedDateTime: "2016-03-14T09:30:00Z", capabilityStatus: "Enabled", service: "AADPremiumService", servicePlanId: "41781fb2-bc02-4b7c-bd55-b576c07bb09d" }],
  };
}
