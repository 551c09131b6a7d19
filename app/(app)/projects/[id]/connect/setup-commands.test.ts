/** The setup guide's consent link and token curl: the chosen cloud's hosts, safe to paste. */
import { describe, expect, it } from "vitest";
import { consentLink, tokenCurl } from "@/components/connect/setup-commands";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "0c3e4a0e-1a2b-4c5d-8e9f-0a1b2c3d4e5f";

describe("consentLink", () => {
  it("is null until both the tenant and the client id are filled in", () => {
    expect(consentLink("global", "", CLIENT)).toBeNull();
    expect(consentLink("global", TENANT, "  ")).toBeNull();
  });

  it("uses the chosen cloud's login host", () => {
    expect(consentLink("global", TENANT, CLIENT)).toBe(`https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${CLIENT}`);
    expect(consentLink("china", "contoso.partner.onmschina.cn", CLIENT)).toBe(
      `https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/adminconsent?client_id=${CLIENT}`,
    );
  });

  it("refuses text that is not an id (no other path or query smuggled into the link)", () => {
    expect(consentLink("global", "evil.com/x?", CLIENT)).toBeNull();
    expect(consentLink("global", TENANT, "a&redirect_uri=https://evil.com")).toBeNull();
  });
});

describe("tokenCurl", () => {
  it("requests a client-credentials token from the cloud's login host with its Graph scope", () => {
    expect(tokenCurl("usGovL5", TENANT, CLIENT)).toBe(
      [
        `curl -s -X POST https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token \\`,
        `  -d client_id=${CLIENT} \\`,
        "  -d scope=https://dod-graph.microsoft.us/.default \\",
        "  -d grant_type=client_credentials \\",
        '  --data-urlencode client_secret="$CLIENT_SECRET" | jq -r .access_token',
      ].join("\n"),
    );
  });

  it("keeps placeholders for missing or unsafe values, so nothing typed runs in a shell", () => {
    const curl = tokenCurl("global", "$(rm -rf ~)", "");
    expect(curl).toContain("https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token");
    expect(curl).toContain("-d client_id=<client-id>");
    expect(curl).not.toContain("rm -rf");
  });
});
