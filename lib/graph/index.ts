/**
 * Microsoft Graph client (public surface). Small on purpose:
 * - clouds: `CLOUDS`, `getCloud`, `adminConsentUrl`
 * - tokens: `staticTokenProvider`, `clientCredentialsTokenProvider` (their `getToken()`
 *   throws an explained GraphError: the "Test connection" step), `explainTokenError`
 * - client: `createGraphClient` -> `request`, `requestNextLink`, `fetchAllPages`
 * - errors: `GraphError`, `isGraphError`, `explainGraphError`, `requiredPermission`
 * - guards: `createAllowlist`, `buildRequestUrl`
 */
export { CLOUDS, getCloud, adminConsentUrl, type Cloud, type CloudId } from "./clouds";
export {
  staticTokenProvider, clientCredentialsTokenProvider, type TokenProvider, type ClientCredentialsOptions,
} from "./token-providers";
export {
  createGraphClient, type GraphClient, type GraphClientOptions, type RequestOptions, type FetchAllPagesOptions, type QueryParams,
} from "./client";
export type { GraphPage } from "./paginator";
export { selectValue, type RecordSelector } from "./record-selector";
export {
  GraphError, isGraphError, explainGraphError, explainTokenError, requiredPermission, type GraphResponse, type ErrorContext,
} from "./errors";
export { createAllowlist, buildRequestUrl, type Allowlist, type AllowlistOptions } from "./allowlist";
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy, type Sleep } from "./retry";
export type { HttpMethod } from "./requester";
