/**
 * The Connect step's pieces rendered to HTML (no DOM library in this project): check lines
 * in words with a real consent link, write-only secret fields, the token expiry, progress.
 */
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckLine } from "@/components/connect/CheckLine";
import { GraphCurrent } from "@/components/connect/GraphCurrent";
import { SecretField } from "@/components/connect/SecretField";
import { TestSection } from "@/components/connect/TestSection";
import type { useTestConnection } from "@/components/connect/useConnections";
import type { GraphConnectionView } from "@/lib/builder/contracts";

const render = (element: ReactElement) => renderToStaticMarkup(element);
const CONSENT = "https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=app-1";

describe("CheckLine", () => {
  it("shows a failure in words with its detail, its hint and the consent page as a real link", () => {
    const html = render(
      createElement(CheckLine, {
        check: { id: "/groups", label: "/groups readable", status: "failed", detail: "Insufficient privileges.", hint: "Add Group.Read.All, then grant admin consent.", link: CONSENT },
      }),
    );
    expect(html).toContain("Failed");
    expect(html).toContain("Insufficient privileges.");
    expect(html).toContain("Add Group.Read.All, then grant admin consent.");
    expect(html).toMatch(new RegExp(`<a [^>]*href="${CONSENT.replace(/[?.]/g, "\\$&")}"`));
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it("shows a passed or skipped check without hint or link", () => {
    const ok = render(createElement(CheckLine, { check: { id: "token", label: "Token obtained", status: "ok", detail: "Issued.", hint: "unused", link: CONSENT } }));
    expect(ok).toContain("OK");
    expect(ok).not.toContain("unused");
    expect(ok).not.toContain("<a ");
    const skipped = render(createElement(CheckLine, { check: { id: "/users", label: "/users readable", status: "skipped", detail: "Not tried: there is no token." } }));
    expect(skipped).toContain("Skipped");
    expect(skipped).toContain('data-status="skipped"');
  });
});

describe("SecretField", () => {
  const props = { id: "graph-clientSecret", name: "clientSecret", label: "Client secret", what: "client secret", value: "", onChange: () => {} };

  it("stays empty with a 'leave blank to keep' placeholder once a secret is stored, and says so next to the field", () => {
    const html = render(createElement(SecretField, { ...props, stored: true }));
    expect(html).toContain('type="password"');
    expect(html).toContain('placeholder="set — leave blank to keep"');
    expect(html).toContain('value=""');
    expect(html).toContain("Leave this blank to keep it");
    expect(html).toContain('aria-describedby="graph-clientSecret-help"');
  });

  it("says a secret is required before one is stored, and ties an error to the control", () => {
    const html = render(createElement(SecretField, { ...props, stored: false, error: { message: "Enter the client secret: none is stored yet.", hint: "Secrets are write-only." } }));
    expect(html).toContain("Required: no client secret is stored yet.");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="graph-clientSecret-error graph-clientSecret-help"');
    expect(html).toContain("Secrets are write-only.");
  });
});

describe("GraphCurrent", () => {
  const view = (over: Partial<GraphConnectionView>): GraphConnectionView => ({
    mode: "token", cloud: "global", tenantId: null, clientId: null, clientSecret: "not set", token: "set",
    tokenExpiresAt: null, updatedAt: "2026-01-01T00:00:00.000Z", ...over,
  });

  it("shows a pasted token as set with its expiry, never a value", () => {
    const expired = render(createElement(GraphCurrent, { view: view({ tokenExpiresAt: "2020-01-01T00:00:00.000Z" }) }));
    expect(expired).toMatch(/expired \d+ days ago/);
    expect(expired).toContain(">set<");
    expect(render(createElement(GraphCurrent, { view: view({}) }))).toContain("expiry unknown (not a JWT)");
  });

  it("says when nothing is connected", () => {
    expect(render(createElement(GraphCurrent, { view: null }))).toContain("Not connected yet.");
  });
});

describe("TestSection", () => {
  const mutation = (state: Partial<ReturnType<typeof useTestConnection>>) =>
    ({ isPending: false, data: undefined, error: null, mutate: () => {}, ...state }) as unknown as ReturnType<typeof useTestConnection>;

  it("shows progress and disables the button while a test runs", () => {
    const html = render(createElement(TestSection, { target: "graph", name: "Microsoft Graph", saved: true, test: mutation({ isPending: true }) }));
    expect(html).toContain("Testing…");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="graph-test"/);
  });

  it("cannot test before a connection is saved", () => {
    const html = render(createElement(TestSection, { target: "port", name: "Port", saved: false, test: mutation({}) }));
    expect(html).toContain("Save a connection first");
    expect(html).toMatch(/<button[^>]*disabled=""/);
  });

  it("gives the verdict and every check", () => {
    const html = render(
      createElement(TestSection, {
        target: "graph", name: "Microsoft Graph", saved: true,
        test: mutation({
          data: {
            target: "graph", ok: false,
            checks: [
              { id: "token", label: "Token obtained", status: "ok", detail: "Issued." },
              { id: "/groups", label: "/groups readable", status: "failed", detail: "Denied.", hint: "Add Group.Read.All." },
            ],
          },
        }),
      }),
    );
    // Inside the live region, so a screen reader hears the outcome without looking for it.
    expect(html).toMatch(/role="status"[^>]*>(?:(?!<\/span><\/div>).)*1 of 2 checks failed/);
    expect(html).toContain('data-testid="check-token"');
    expect(html).toContain('data-testid="check-/groups"');
  });
});
