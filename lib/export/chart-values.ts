/**
 * The port-ocean chart's values for one export, by secret handling:
 * - chart-secret: the chart's own Secret (`port.clientId`, `port.clientSecret`,
 *   `integration.secrets.*`), values taken from the caller's environment on the command line;
 * - existing-secret: `secret.create=false` and `secret.name`; the chart then reads nothing secret;
 * - inline: the chart's own Secret with the values written in (only on request).
 * Secrets never go under `integration.config` (a ConfigMap, plain text to anyone who can
 * read it).
 */
import type { GraphAuthPlan } from "./graph-auth";
import { graphSecretChartValue, publicSettings, secretSettings, setPath } from "./ocean-variables";
import type { ResolvedOptions, SecretHandling, SecretVariable } from "./types";

export type ChartScalar = string | number | boolean;

export interface ChartValues {
  /** Values written as they are (--set flags or values.yaml). */
  fixed: { key: string; value: ChartScalar }[];
  /** Values from the caller's environment: `key=<prefix>$VARIABLE` (chart-secret only). */
  fromEnv: { key: string; prefix: string; variable: SecretVariable }[];
}

/** `{a: {b: 1}}` -> `[["a.b", 1]]`. */
function flatten(prefix: string, value: unknown): { key: string; value: ChartScalar }[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(`${prefix}.${k}`, v));
  }
  return [{ key: prefix, value: value as ChartScalar }];
}

export function chartValues(plan: GraphAuthPlan, options: ResolvedOptions, handling: SecretHandling = options.secrets): ChartValues {
  const fixed = publicSettings(plan, options).map((s) => ({ key: s.chartKey, value: s.value }));
  const graphKey = `integration.secrets.${plan.secretKey}`;
  if (handling === "existing-secret") {
    return { fixed: [...fixed, { key: "secret.create", value: false }, { key: "secret.name", value: options.secretName }], fromEnv: [] };
  }
  if (handling === "inline") {
    const [clientId, clientSecret] = secretSettings(plan, options);
    return {
      fixed: [
        ...fixed,
        { key: clientId!.chartKey, value: clientId!.text },
        { key: clientSecret!.chartKey, value: clientSecret!.text },
        ...flatten(graphKey, graphSecretChartValue(plan, options)),
      ],
      fromEnv: [],
    };
  }
  const custom = plan.custom;
  return {
    fixed: custom
      ? [
          ...fixed,
          { key: `${graphKey}.endpoint`, value: custom.endpoint },
          { key: `${graphKey}.method`, value: custom.method },
          { key: `${graphKey}.reauthenticateIntervalSeconds`, value: custom.reauthenticateIntervalSeconds },
        ]
      : fixed,
    fromEnv: [
      { key: "port.clientId", prefix: "", variable: "PORT_CLIENT_ID" },
      { key: "port.clientSecret", prefix: "", variable: "PORT_CLIENT_SECRET" },
      custom
        ? { key: `${graphKey}.bodyForm`, prefix: custom.bodyFormPrefix, variable: plan.secretVariable }
        : { key: graphKey, prefix: "", variable: plan.secretVariable },
    ],
  };
}

/** The fixed values as the nested object values.yaml holds. */
export function valuesObject(values: ChartValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of values.fixed) setPath(out, key, value);
  return out;
}
