/**
 * National clouds: each chooses the login host, the Graph host and the token scope
 * (shared/docs/microsoft-graph.md, "National clouds").
 */
import { AppError } from "../errors";

export type CloudId = "global" | "usGovL4" | "usGovL5" | "china";

export interface Cloud {
  id: CloudId;
  label: string;
  loginHost: string;
  graphHost: string;
  /** `https://{graphHost}/.default`: every application permission granted to the app. */
  scope: string;
  /** `https://{loginHost}`; the token URL is `{loginBaseUrl}/{tenant}/oauth2/v2.0/token`. */
  loginBaseUrl: string;
  /** `https://{graphHost}/v1.0`; request paths are appended to it. */
  graphBaseUrl: string;
}

function cloud(id: CloudId, label: string, loginHost: string, graphHost: string): Cloud {
  return {
    id, label, loginHost, graphHost,
    scope: `https://${graphHost}/.default`,
    loginBaseUrl: `https://${loginHost}`,
    graphBaseUrl: `https://${graphHost}/v1.0`,
  };
}

export const CLOUDS: Readonly<Record<CloudId, Cloud>> = {
  global: cloud("global", "Global (Azure public cloud)", "login.microsoftonline.com", "graph.microsoft.com"),
  usGovL4: cloud("usGovL4", "US Government L4 (GCC High)", "login.microsoftonline.us", "graph.microsoft.us"),
  usGovL5: cloud("usGovL5", "US Government L5 (DoD)", "login.microsoftonline.us", "dod-graph.microsoft.us"),
  china: cloud("china", "China (21Vianet)", "login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn"),
};

export function getCloud(id: CloudId | Cloud | string): Cloud {
  if (typeof id === "object") return id;
  const found = (CLOUDS as Record<string, Cloud | undefined>)[id];
  if (!found) {
    throw new AppError("unknown_cloud", `Unknown cloud "${id}".`, { status: 400, hint: `Use one of: ${Object.keys(CLOUDS).join(", ")}.` });
  }
  return found;
}

/** Where an administrator grants admin consent for the app's permissions. */
export function adminConsentUrl(cloudValue: Cloud, tenantId: string, clientId: string): string {
  return `https://${cloudValue.loginHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
