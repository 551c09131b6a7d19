/**
 * The settings Ocean gets, once, as chart values and as the environment variables Ocean
 * reads (the chart turns `integration.config.<key>` and `integration.secrets.<key>` into
 * `OCEAN__INTEGRATION__CONFIG__<KEY_IN_SNAKE_CASE>`; ocean-and-port.md, "Install
 * commands the builder generates"). Helm, Docker, the Secret manifest and Argo CD are all
 * rendered from these lists, so they cannot disagree.
 */
import { customAuthRequestObject, secretConfigValue, type GraphAuthPlan } from "./graph-auth";
import { secretText } from "./options";
import type { ResolvedOptions, SecretVariable } from "./types";

export const OCEAN_IMAGE = "ghcr.io/port-labs/port-ocean-custom:latest";
export const HELM_REPO_NAME = "port-labs";
export const HELM_REPO_URL = "https://port-labs.github.io/helm-charts";
export const HELM_CHART = "port-labs/port-ocean";

/** Sprig's `snakecase | upper`, as the chart applies it: customAuthRequestTemplate -> CUSTOM_AUTH_REQUEST_TEMPLATE. */
export function snakeUpper(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
}

export const configVariable = (key: string): string => `OCEAN__INTEGRATION__CONFIG__${snakeUpper(key)}`;

export interface PublicSetting {
  /** Path in the chart's values. */
  chartKey: string;
  value: string | number | boolean;
  /** Ocean's variable and its text (null: the chart or the Docker run sets it differently). */
  variable: string | null;
}

/** Non-secret settings common to Helm and Docker (the event listener differs: POLLING vs ONCE). */
export function publicSettings(plan: GraphAuthPlan, options: ResolvedOptions): PublicSetting[] {
  return [
    { chartKey: "port.baseUrl", value: options.portBaseUrl, variable: "OCEAN__PORT__BASE_URL" },
    { chartKey: "initializePortResources", value: true, variable: "OCEAN__INITIALIZE_PORT_RESOURCES" },
    { chartKey: "scheduledResyncInterval", value: options.scheduledResyncInterval, variable: null },
    { chartKey: "sendRawDataExamples", value: true, variable: "OCEAN__SEND_RAW_DATA_EXAMPLES" },
    { chartKey: "integration.identifier", value: options.identifier, variable: "OCEAN__INTEGRATION__IDENTIFIER" },
    { chartKey: "integration.type", value: "custom", variable: "OCEAN__INTEGRATION__TYPE" },
    { chartKey: "integration.eventListener.type", value: "POLLING", variable: null },
    ...plan.config.map((c) => ({ chartKey: `integration.config.${c.key}`, value: c.value, variable: configVariable(c.key) })),
  ];
}

export interface SecretSetting {
  /** Where the chart-secret form puts it. */
  chartKey: string;
  /** The variable Ocean reads (the key of a Secret created by hand). */
  variable: string;
  /** The caller's environment variable that holds the value (or its secret part). */
  source: SecretVariable;
  /** The whole value as Ocean reads it, with the secret's text (a placeholder unless inline). */
  text: string;
}

export function secretSettings(plan: GraphAuthPlan, options: ResolvedOptions): SecretSetting[] {
  const graphSecret = secretText(options, plan.secretVariable);
  return [
    { chartKey: "port.clientId", variable: "OCEAN__PORT__CLIENT_ID", source: "PORT_CLIENT_ID", text: secretText(options, "PORT_CLIENT_ID") },
    { chartKey: "port.clientSecret", variable: "OCEAN__PORT__CLIENT_SECRET", source: "PORT_CLIENT_SECRET", text: secretText(options, "PORT_CLIENT_SECRET") },
    { chartKey: `integration.secrets.${plan.secretKey}`, variable: configVariable(plan.secretKey), source: plan.secretVariable, text: secretConfigValue(plan, graphSecret) },
  ];
}

/** The Graph secret's chart value as an object (customAuthRequest) or text (apiToken). */
export function graphSecretChartValue(plan: GraphAuthPlan, options: ResolvedOptions): unknown {
  const graphSecret = secretText(options, plan.secretVariable);
  return plan.custom ? customAuthRequestObject(plan.custom, graphSecret) : graphSecret;
}

/** Sets `value` at a dotted path of a plain object, creating the maps on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!next || typeof next !== "object") node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
