/**
 * Microsoft Graph as Ocean's custom integration reaches it, from the connection the person
 * made (ocean-and-port.md, "Integration config"):
 * - client credentials -> `authType: custom`: `customAuthRequest` posts the cloud's token
 *   endpoint with a form body (client_id, scope, grant_type, client_secret) and renews
 *   before the token's hour runs out; `customAuthRequestTemplate` turns the answer into
 *   `Authorization: Bearer {{.access_token}}`;
 * - a pasted token -> `authType: bearer_token` with `apiToken`, never renewed.
 * Always `paginationType: next_link` (Graph's @odata.nextLink).
 * The secret part (the whole customAuthRequest, or apiToken) is built separately, from a
 * value, a placeholder or the caller's environment, so it never lands in a ConfigMap.
 */
import { getCloud } from "../graph/clouds";
import type { GraphAuthSource, SecretVariable } from "./types";

/** Entra ID tokens live 3599 s; Ocean renews 60 s before this interval ends. */
export const REAUTHENTICATE_INTERVAL_SECONDS = 3300;
export const BEARER_TEMPLATE = { headers: { Authorization: "Bearer {{.access_token}}" } } as const;

export const TENANT_PLACEHOLDER = "<TENANT_ID>";
export const CLIENT_PLACEHOLDER = "<CLIENT_ID>";

/** `<NAME>`: what a person replaces by hand. */
export const placeholder = (name: SecretVariable): string => `<${name}>`;

/** application/x-www-form-urlencoded, as Entra ID's token endpoint reads it. */
export function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface CustomAuthPlan {
  kind: "custom";
  endpoint: string;
  method: "POST";
  reauthenticateIntervalSeconds: number;
  /** The form body up to `client_secret=`: the secret comes last so a shell can append it. */
  bodyFormPrefix: string;
}

export interface GraphAuthPlan {
  authType: "custom" | "bearer_token";
  /** Non-secret `integration.config` keys, camelCase, values as Ocean reads them (objects as JSON text). */
  config: { key: string; value: string }[];
  /** The one sensitive config key. */
  secretKey: "customAuthRequest" | "apiToken";
  /** The environment variable holding its secret part. */
  secretVariable: Extract<SecretVariable, "GRAPH_CLIENT_SECRET" | "GRAPH_TOKEN">;
  custom: CustomAuthPlan | null;
  warnings: string[];
}

export function graphAuthPlan(source: GraphAuthSource): GraphAuthPlan {
  const cloud = getCloud(source.cloud);
  const common = [
    { key: "baseUrl", value: cloud.graphBaseUrl },
    { key: "authType", value: source.kind === "client_credentials" ? "custom" : "bearer_token" },
    { key: "paginationType", value: "next_link" },
  ];
  if (source.kind === "bearer_token") {
    return {
      authType: "bearer_token",
      config: common,
      secretKey: "apiToken",
      secretVariable: "GRAPH_TOKEN",
      custom: null,
      warnings: [
        "Graph is reached with a pasted bearer token: it expires about an hour after it was issued and Ocean never renews it, so every resync after that fails with 401. Connect with client credentials to get renewing auth.",
      ],
    };
  }
  const tenant = source.tenantId ?? TENANT_PLACEHOLDER;
  const clientId = source.clientId ?? CLIENT_PLACEHOLDER;
  const warnings: string[] = [];
  if (!source.tenantId || !source.clientId) {
    warnings.push(`The tenant ID or client ID is not known here: replace ${TENANT_PLACEHOLDER} and ${CLIENT_PLACEHOLDER} with your app registration's values.`);
  }
  const keep = (v: string) => (v.startsWith("<") ? v : formEncode(v));
  return {
    authType: "custom",
    config: [...common, { key: "customAuthRequestTemplate", value: JSON.stringify(BEARER_TEMPLATE) }],
    secretKey: "customAuthRequest",
    secretVariable: "GRAPH_CLIENT_SECRET",
    custom: {
      kind: "custom",
      endpoint: `${cloud.loginBaseUrl}/${tenant.startsWith("<") ? tenant : encodeURIComponent(tenant)}/oauth2/v2.0/token`,
      method: "POST",
      reauthenticateIntervalSeconds: REAUTHENTICATE_INTERVAL_SECONDS,
      bodyFormPrefix: `client_id=${keep(clientId)}&scope=${formEncode(cloud.scope)}&grant_type=client_credentials&client_secret=`,
    },
    warnings,
  };
}

/** The customAuthRequest object with the secret's form-encoded value (a placeholder is kept as it is). */
export function customAuthRequestObject(plan: CustomAuthPlan, secret: string): Record<string, unknown> {
  const encoded = /^<[A-Z_]+>$/.test(secret) ? secret : formEncode(secret);
  return {
    endpoint: plan.endpoint,
    method: plan.method,
    bodyForm: `${plan.bodyFormPrefix}${encoded}`,
    reauthenticateIntervalSeconds: plan.reauthenticateIntervalSeconds,
  };
}

/** The sensitive config value as Ocean reads it from its variable (JSON text for customAuthRequest). */
export function secretConfigValue(plan: GraphAuthPlan, secret: string): string {
  return plan.custom ? JSON.stringify(customAuthRequestObject(plan.custom, secret)) : secret;
}

/** Characters an Entra ID client secret holds that need no form encoding; a shell appends such a value as it is. */
export const FORM_SAFE_SECRET = "A-Za-z0-9._~-";
