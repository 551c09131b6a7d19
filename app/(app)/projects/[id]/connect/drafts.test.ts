/** The Connect forms' drafts and request bodies: secrets apart from the rest, blank keeps the stored one. */
import { describe, expect, it } from "vitest";
import {
  graphDraftFrom,
  graphInputOf,
  portDraftFrom,
  portInputOf,
  storedGraphSecret,
  storedPortSecret,
  withSecret,
} from "@/components/connect/drafts";
import { OneShotSecret } from "@/components/connect/one-shot-secret";
import { graphConnectionInput, type GraphConnectionView, type PortConnectionView } from "@/lib/builder/contracts";

const graphView = (over: Partial<GraphConnectionView>): GraphConnectionView => ({
  mode: "client_credentials", cloud: "usGovL4", tenantId: "contoso.onmicrosoft.us", clientId: "app-1",
  clientSecret: "set", token: "not set", tokenExpiresAt: null, updatedAt: "2026-01-01T00:00:00.000Z", ...over,
});
const portView = (over: Partial<PortConnectionView>): PortConnectionView => ({
  mode: "credentials", region: "us", clientId: "port-1", clientSecret: "set", updatedAt: "2026-01-01T00:00:00.000Z", ...over,
});

describe("graph drafts", () => {
  it("start on the demo tenant when there is no connection and the demo is available, else on client credentials", () => {
    expect(graphDraftFrom(null, true).mode).toBe("demo");
    expect(graphDraftFrom(null, false).mode).toBe("client_credentials");
  });

  it("start from the saved connection, with empty secret fields", () => {
    expect(graphDraftFrom(graphView({}), true)).toEqual({
      mode: "client_credentials", demoClient: "demo-client", cloud: "usGovL4", tenantId: "contoso.onmicrosoft.us",
      clientId: "app-1", clientSecret: "", token: "",
    });
    expect(graphDraftFrom(graphView({ mode: "demo", clientId: "demo-client-limited" }), true).demoClient).toBe("demo-client-limited");
  });

  it("keep the secret out of the body until the save takes it, then the box is empty", () => {
    const draft = { ...graphDraftFrom(graphView({}), true), clientSecret: "s3cr3t~value" };
    const { input, secret } = graphInputOf(draft);
    expect(JSON.stringify(input)).not.toContain("s3cr3t");
    const box = new OneShotSecret(secret);
    expect(JSON.stringify({ variables: box })).not.toContain("s3cr3t");
    const body = withSecret(input, box.take());
    expect(graphConnectionInput.parse(body)).toEqual({ ...input, clientSecret: "s3cr3t~value" });
    expect(box.take()).toBeUndefined();
  });

  it("send a pasted token as `token` and a blank secret as nothing, which keeps the stored one", () => {
    const token = graphInputOf({ ...graphDraftFrom(null, true), mode: "token", cloud: "china", token: "eyJ.a.b" });
    expect(withSecret(token.input, new OneShotSecret(token.secret).take())).toEqual({ mode: "token", cloud: "china", token: "eyJ.a.b" });
    const blank = graphInputOf({ ...graphDraftFrom(graphView({}), true), clientSecret: "   " });
    expect(withSecret(blank.input, new OneShotSecret(blank.secret).take())).not.toHaveProperty("clientSecret");
  });

  it("say a secret is stored only for the mode it was stored with", () => {
    expect(storedGraphSecret(graphView({}), "client_credentials")).toBe(true);
    expect(storedGraphSecret(graphView({}), "token")).toBe(false);
    expect(storedGraphSecret(graphView({ mode: "token", clientSecret: "not set", token: "set" }), "token")).toBe(true);
    expect(storedGraphSecret(null, "client_credentials")).toBe(false);
  });
});

describe("port drafts", () => {
  it("start from the saved connection and send the secret as clientSecret", () => {
    const draft = { ...portDraftFrom(portView({}), true), clientSecret: "p0rt" };
    expect(draft.region).toBe("us");
    const { input, secret } = portInputOf(draft);
    expect(withSecret(input, new OneShotSecret(secret).take())).toEqual({ mode: "credentials", region: "us", clientId: "port-1", clientSecret: "p0rt" });
    expect(portInputOf(portDraftFrom(null, true)).input).toEqual({ mode: "demo" });
  });

  it("say a Port secret is stored only for saved credentials", () => {
    expect(storedPortSecret(portView({}), "credentials")).toBe(true);
    expect(storedPortSecret(portView({ mode: "demo", clientSecret: "not set" }), "credentials")).toBe(false);
  });
});
