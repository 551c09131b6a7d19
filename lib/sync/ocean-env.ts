/**
 * The command line's configuration: Ocean's own environment variable names, so a
 * pipeline runs exactly what the Docker one-off (or the Helm chart) would
 * (shared/docs/ocean-and-port.md, "Integration config"). Read with zod; a bad value is an
 * error that names the variable. Where Ocean silently degrades, this refuses with a hint:
 * an unknown auth type (Ocean: no auth) or a pagination type Graph does not use (Ocean:
 * an unknown one reads the first page only).
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CLOUDS, createAllowlist, createGraphClient, getCloud, staticTokenProvider, type Cloud, type GraphClient, type TokenProvider } from "@/lib/graph";
import type { JqEngine } from "@/lib/jq";
import { createPortClient, type PortClient } from "@/lib/port";
import { customAuthRequestSchema, customAuthTemplateSchema, customAuthTokenProvider } from "./custom-auth";

const PREFIX = "OCEAN__INTEGRATION__CONFIG__";

const jsonObject = (name: string) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: `${name} must be JSON (an object)` });
      return z.NEVER;
    }
  });

const flag = z.enum(["true", "false", "1", "0", "True", "False"]).transform((v) => v.toLowerCase() === "true" || v === "1");

export const oceanEnvSchema = z.object({
  OCEAN__PORT__CLIENT_ID: z.string(),
  OCEAN__PORT__CLIENT_SECRET: z.string(),
  OCEAN__PORT__BASE_URL: z.string().default("https://api.getport.io"),
  OCEAN__INTEGRATION__IDENTIFIER: z.string().regex(/^[A-Za-z0-9@_.+:\\/=-]{1,100}$/, "must be an integration identifier (letters, digits, @_.+:\\/=-)"),
  OCEAN__INITIALIZE_PORT_RESOURCES: flag.default(true),
  [`${PREFIX}BASE_URL`]: z.url("must be the Graph base URL, e.g. https://graph.microsoft.com/v1.0"),
  [`${PREFIX}AUTH_TYPE`]: z
    .string({ error: "custom (client credentials, renewed) or bearer_token" })
    .refine((v) => ["bearer_token", "custom"].includes(v), {
      message: "must be custom (client credentials, renewed) or bearer_token for Microsoft Graph: none, basic and api_key cannot authenticate it, and Ocean treats an unknown value as no auth",
    }),
  [`${PREFIX}API_TOKEN`]: z.string().optional(),
  [`${PREFIX}CUSTOM_AUTH_REQUEST`]: jsonObject("CUSTOM_AUTH_REQUEST").pipe(customAuthRequestSchema).optional(),
  [`${PREFIX}CUSTOM_AUTH_REQUEST_TEMPLATE`]: jsonObject("CUSTOM_AUTH_REQUEST_TEMPLATE").pipe(customAuthTemplateSchema).optional(),
  [`${PREFIX}PAGINATION_TYPE`]: z
    .string()
    .default("none")
    .refine((v) => v === "next_link" || v === "none", {
      message: "must be next_link for Microsoft Graph (or none for the first page only); Ocean reads only the first page for an unknown value such as skip_token",
    }),
  [`${PREFIX}NEXT_LINK_PATH`]: z.string().min(1).default("@odata.nextLink"),
  [`${PREFIX}MAX_CONCURRENT_REQUESTS`]: z.coerce.number().int().min(1).max(100).default(10),
});

export interface OceanSettings {
  port: { clientId: string; clientSecret: string; baseUrl: string };
  identifier: string;
  initializePortResources: boolean;
  graphBaseUrl: string;
  auth:
    | { type: "bearer_token"; token: string }
    | { type: "custom"; request: z.infer<typeof customAuthRequestSchema>; template: z.infer<typeof customAuthTemplateSchema> };
  paginate: boolean;
  nextLinkPath: string;
  maxConcurrentRequests: number;
}

type CustomAuth = Extract<OceanSettings["auth"], { type: "custom" }>;

function envError(variable: string, message: string, hint?: string): AppError {
  return new AppError("invalid_ocean_env", `${variable} ${message}`, { status: 400, location: { path: variable }, hint: hint ?? "Set it as the Ocean Docker one-off or Helm chart would." });
}

export function parseOceanEnv(source: Record<string, string | undefined>): OceanSettings {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("OCEAN__") && v !== undefined && v !== ""));
  const parsed = oceanEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [variable, ...rest] = issue.path.map(String);
    const missing = variable !== undefined && cleaned[variable] === undefined;
    const message = /^(is required|Invalid input)/.test(issue.message) ? "" : issue.message;
    throw envError(variable ?? "environment", missing ? `is required${message ? ` (${message})` : ""}` : `${rest.length ? `${rest.join(".")}: ` : ""}${message || issue.message}`);
  }
  const e = parsed.data as Record<string, unknown>;
  const get = <T>(key: string) => e[`${PREFIX}${key}`] as T;
  let auth: OceanSettings["auth"];
  if (get<string>("AUTH_TYPE") === "bearer_token") {
    const token = get<string | undefined>("API_TOKEN");
    if (!token) throw envError(`${PREFIX}API_TOKEN`, "is required with AUTH_TYPE=bearer_token", "A static token expires after an hour: prefer AUTH_TYPE=custom with the client-credentials request.");
    auth = { type: "bearer_token", token };
  } else {
    const request = get<CustomAuth["request"] | undefined>("CUSTOM_AUTH_REQUEST");
    const template = get<CustomAuth["template"] | undefined>("CUSTOM_AUTH_REQUEST_TEMPLATE");
    if (!request) throw envError(`${PREFIX}CUSTOM_AUTH_REQUEST`, "is required with AUTH_TYPE=custom", "Give the token request as JSON: endpoint, bodyForm with client_id, client_secret, scope and grant_type=client_credentials.");
    if (!template) throw envError(`${PREFIX}CUSTOM_AUTH_REQUEST_TEMPLATE`, "is required with AUTH_TYPE=custom", 'Use {"headers":{"Authorization":"Bearer {{.access_token}}"}}.');
    auth = { type: "custom", request, template };
  }
  return {
    port: { clientId: e.OCEAN__PORT__CLIENT_ID as string, clientSecret: e.OCEAN__PORT__CLIENT_SECRET as string, baseUrl: e.OCEAN__PORT__BASE_URL as string },
    identifier: e.OCEAN__INTEGRATION__IDENTIFIER as string,
    initializePortResources: e.OCEAN__INITIALIZE_PORT_RESOURCES as boolean,
    graphBaseUrl: get<string>("BASE_URL").replace(/\/+$/, ""),
    auth,
    paginate: get<string>("PAGINATION_TYPE") === "next_link",
    nextLinkPath: get<string>("NEXT_LINK_PATH"),
    maxConcurrentRequests: get<number>("MAX_CONCURRENT_REQUESTS"),
  };
}

/** The national cloud whose Graph host the base URL names; the global cloud's rules otherwise. */
export function cloudOfBaseUrl(baseUrl: string): Cloud {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return Object.values(CLOUDS).find((c) => c.graphHost === host) ?? getCloud("global");
}

export interface OceanClients {
  graph: GraphClient;
  port: PortClient;
}

export function oceanClients(settings: OceanSettings, options: { extraAllowedHosts: readonly string[]; engine: JqEngine; fetch?: typeof fetch }): OceanClients {
  const cloud = cloudOfBaseUrl(settings.graphBaseUrl);
  const allowlist = createAllowlist({ cloud, extraAllowedHosts: options.extraAllowedHosts });
  const tokenProvider: TokenProvider =
    settings.auth.type === "bearer_token"
      ? staticTokenProvider(settings.auth.token)
      : customAuthTokenProvider({ request: settings.auth.request, template: settings.auth.template, baseUrl: settings.graphBaseUrl, allowlist, engine: options.engine, fetch: options.fetch });
  const graph = createGraphClient({ cloud, tokenProvider, graphBaseUrl: settings.graphBaseUrl, allowlist, fetch: options.fetch });
  const port = createPortClient({ baseUrl: settings.port.baseUrl, clientId: settings.port.clientId, clientSecret: settings.port.clientSecret, extraAllowedHosts: options.extraAllowedHosts, fetch: options.fetch });
  return { graph, port };
}
