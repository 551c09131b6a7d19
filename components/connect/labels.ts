/** Words shared by the Connect forms and the current-connection summaries. */
import type { GraphConnectionView, PortConnectionView } from "@/lib/builder/contracts";
import { PORT_REGIONS } from "@/lib/port/regions";
import type { DemoClient } from "./drafts";

export const GRAPH_MODE_LABEL: Record<GraphConnectionView["mode"], string> = {
  demo: "Demo tenant",
  client_credentials: "Your tenant, client credentials",
  token: "Your tenant, pasted bearer token",
};

export const DEMO_CLIENT_LABEL: Record<DemoClient, string> = {
  "demo-client": "demo-client — all permissions",
  "demo-client-limited": "demo-client-limited — without Group.Read.All",
};

export const PORT_MODE_LABEL: Record<PortConnectionView["mode"], string> = {
  demo: "Demo Port",
  credentials: "Your Port organisation",
};

export const PORT_REGION_LABEL: Record<PortConnectionView["region"], string> = {
  eu: `EU (${new URL(PORT_REGIONS.eu.baseUrl).host})`,
  us: `US (${new URL(PORT_REGIONS.us.baseUrl).host})`,
};

export function savedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
