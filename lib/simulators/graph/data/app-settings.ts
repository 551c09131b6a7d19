/**
 * The v1.0 application properties beyond identity and credentials: the platform settings
 * (api, web, spa, publicClient), roles, optional claims, informational URLs, parental
 * control, publisher and lock settings. Graph returns all of them without `$select`, most
 * as null or empty on a typical app registration; a few apps here expose an API, define an
 * app role, sign in from a SPA or a desktop client, so mappings meet realistic variety.
 *
 * Drawn from their own random stream (salt 3), so the older properties keep their values.
 */
import { guidFor, KIND_CODES, rngFor } from "../random";
import type { GenContext, GraphObject } from "./context";

/** `Application.Read.All` (Role) on Microsoft Graph, what most demo apps were granted. */
const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
const APPLICATION_READ_ALL = "df021288-bdef-4463-88db-98f22de89214";
const USER_READ = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";

export interface AppIdentity {
  index: number;
  appId: string;
  displayName: string;
  /** The first word of the name, lower case: `payroll` for "Payroll API (prod)". */
  slug: string;
  exposesApi: boolean;
  webRedirects: string[];
}

export function applicationSettings(ctx: GenContext, app: AppIdentity): GraphObject {
  const rng = rngFor(ctx.seed, KIND_CODES.applications, app.index, 3);
  const kind = rng.pick(["web", "web", "spa", "publicClient", "daemon"] as const);
  const definesRole = app.exposesApi && rng.chance(0.4);
  const emailClaim = rng.chance(0.25);
  const lockedByDefault = rng.chance(0.5);
  return {
    groupMembershipClaims: rng.pick([null, null, "SecurityGroup", "All", "None"]),
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: kind === "publicClient" ? true : null,
    nativeAuthenticationApisEnabled: null,
    oauth2RequirePostResponse: false,
    serviceManagementReference: null,
    tokenEncryptionKeyId: null,
    uniqueName: null,
    samlMetadataUrl: null,
    defaultRedirectUri: null,
    certification: null,
    disabledByMicrosoftStatus: null,
    applicationTemplateId: null,
    optionalClaims: emailClaim
      ? { accessToken: [], idToken: [{ additionalProperties: [], essential: false, name: "email", source: null }], saml2Token: [] }
      : null,
    servicePrincipalLockConfiguration: lockedByDefault
      ? { isEnabled: true, allProperties: true, credentialsWithUsageVerify: true, credentialsWithUsageSign: true, identifierUris: false, tokenEncryptionKeyId: true }
      : null,
    requestSignatureVerification: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: app.exposesApi ? 2 : null,
      oauth2PermissionScopes: app.exposesApi
        ? [{
          adminConsentDescription: `Allows the app to access ${app.displayName} on behalf of the signed-in user.`,
          adminConsentDisplayName: `Access ${app.displayName}`,
          id: guidFor(ctx.seed, KIND_CODES.appIds, 0x6000000 + app.index),
          isEnabled: true,
          type: "User",
          userConsentDescription: `Allow the application to access ${app.displayName} on your behalf.`,
          userConsentDisplayName: `Access ${app.displayName}`,
          value: "user_impersonation",
        }]
        : [],
      preAuthorizedApplications: [],
    },
    appRoles: definesRole
      ? [{
        allowedMemberTypes: ["Application"],
        description: `Read ${app.displayName} data`,
        displayName: "Data.Read",
        id: guidFor(ctx.seed, KIND_CODES.appIds, 0x7000000 + app.index),
        isEnabled: true,
        origin: "Application",
        value: "Data.Read",
      }]
      : [],
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: kind === "web" && rng.chance(0.3) ? `https://${ctx.mailDomain}/privacy` : null,
      supportUrl: null,
      termsOfServiceUrl: null,
    },
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: "Allow" },
    publicClient: { redirectUris: kind === "publicClient" ? ["https://login.microsoftonline.com/common/oauth2/nativeclient", "http://localhost"] : [] },
    requiredResourceAccess: [
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccess: kind === "daemon" || kind === "web"
          ? [{ id: APPLICATION_READ_ALL, type: "Role" }]
          : [{ id: USER_READ, type: "Scope" }],
      },
    ],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: null,
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: kind === "web" && rng.chance(0.2) },
      logoutUrl: null,
      redirectUris: app.webRedirects,
      redirectUriSettings: app.webRedirects.map((uri) => ({ uri, index: null })),
    },
    spa: { redirectUris: kind === "spa" ? [`https://${app.slug}.${ctx.mailDomain}/`] : [] },
  };
}
