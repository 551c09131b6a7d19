/**
 * The Connect forms' drafts: what the person is typing, started from the saved connection,
 * and turned into the API's input with the secret kept apart (see OneShotSecret).
 */
import type {
  GraphConnectionInput,
  GraphConnectionView,
  PortConnectionInput,
  PortConnectionView,
} from "@/lib/builder/contracts";
import type { CloudId } from "@/lib/graph/clouds";

export type DemoClient = "demo-client" | "demo-client-limited";

export interface GraphDraft {
  mode: GraphConnectionView["mode"];
  demoClient: DemoClient;
  cloud: CloudId;
  tenantId: string;
  clientId: string;
  /** The client secret being typed (client credentials); never stored anywhere else. */
  clientSecret: string;
  /** The bearer token being typed (token mode). */
  token: string;
}

export interface PortDraft {
  mode: PortConnectionView["mode"];
  region: PortConnectionView["region"];
  clientId: string;
  clientSecret: string;
}

const DEMO_CLIENTS: readonly string[] = ["demo-client", "demo-client-limited"];

export function graphDraftFrom(view: GraphConnectionView | null, demoAvailable: boolean): GraphDraft {
  const draft: GraphDraft = {
    mode: demoAvailable ? "demo" : "client_credentials",
    demoClient: "demo-client",
    cloud: "global",
    tenantId: "",
    clientId: "",
    clientSecret: "",
    token: "",
  };
  if (!view) return draft;
  if (view.mode === "demo") {
    return { ...draft, mode: "demo", demoClient: DEMO_CLIENTS.includes(view.clientId ?? "") ? (view.clientId as DemoClient) : "demo-client" };
  }
  return { ...draft, mode: view.mode, cloud: view.cloud, tenantId: view.tenantId ?? "", clientId: view.clientId ?? "" };
}

export function portDraftFrom(view: PortConnectionView | null, demoAvailable: boolean): PortDraft {
  const draft: PortDraft = { mode: demoAvailable ? "demo" : "credentials", region: "eu", clientId: "", clientSecret: "" };
  if (!view) return draft;
  return { ...draft, mode: view.mode, region: view.region, clientId: view.clientId ?? "" };
}

/** The body without its secret, and the secret on its own. */
export function graphInputOf(draft: GraphDraft): { input: GraphConnectionInput; secret: string } {
  switch (draft.mode) {
    case "demo":
      return { input: { mode: "demo", clientId: draft.demoClient }, secret: "" };
    case "client_credentials":
      return { input: { mode: "client_credentials", cloud: draft.cloud, tenantId: draft.tenantId, clientId: draft.clientId }, secret: draft.clientSecret };
    case "token":
      return { input: { mode: "token", cloud: draft.cloud }, secret: draft.token };
  }
}

export function portInputOf(draft: PortDraft): { input: PortConnectionInput; secret: string } {
  if (draft.mode === "demo") return { input: { mode: "demo" }, secret: "" };
  return { input: { mode: "credentials", region: draft.region, clientId: draft.clientId }, secret: draft.clientSecret };
}

/** The request body: the secret goes under the field name the API expects for the mode. */
export function withSecret<T extends GraphConnectionInput | PortConnectionInput>(input: T, secret: string | undefined): T {
  if (secret === undefined || input.mode === "demo") return input;
  return { ...input, [input.mode === "token" ? "token" : "clientSecret"]: secret };
}

/** Whether the stored connection already has the secret this draft's mode would keep. */
export function storedGraphSecret(view: GraphConnectionView | null, mode: GraphDraft["mode"]): boolean {
  if (!view || view.mode !== mode) return false;
  return mode === "token" ? view.token === "set" : mode === "client_credentials" && view.clientSecret === "set";
}

export function storedPortSecret(view: PortConnectionView | null, mode: PortDraft["mode"]): boolean {
  return !!view && view.mode === "credentials" && mode === "credentials" && view.clientSecret === "set";
}
