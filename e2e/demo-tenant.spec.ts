import { expect, test } from "@playwright/test";

// The demo tenant as the app serves it: Entra's token endpoint and Graph's paging,
// reached over the app's own origin without any sign-in (they check their own tokens).
test("the demo tenant issues tokens and pages users like Graph", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const tokenFor = (clientId: string, clientSecret = "demo-secret") =>
    api.post("/api/sim/login/contoso-demo/oauth2/v2.0/token", {
      form: { client_id: clientId, client_secret: clientSecret, scope: "https://graph.microsoft.com/.default", grant_type: "client_credentials" },
    });

  const wrong = await tokenFor("demo-client", "not-the-secret");
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error_description).toContain("AADSTS7000215");

  const granted = await tokenFor("demo-client");
  expect(granted.status()).toBe(200);
  const { access_token: token } = (await granted.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };

  expect((await api.get("/api/sim/graph/v1.0/users")).status()).toBe(401);

  const first = await api.get("/api/sim/graph/v1.0/users?$top=5&$select=id,displayName,accountEnabled", { headers: auth });
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as { value: { id: string }[]; "@odata.nextLink": string };
  expect(page1.value).toHaveLength(5);
  // nextLink is absolute, on the app's own origin and path, and repeats the query.
  const next = new URL(page1["@odata.nextLink"]);
  expect(`${next.origin}${next.pathname}`).toBe(`${baseURL}/api/sim/graph/v1.0/users`);
  expect(next.searchParams.get("$select")).toBe("id,displayName,accountEnabled");
  expect(next.searchParams.get("$skiptoken")).toBeTruthy();

  const second = await api.get(page1["@odata.nextLink"], { headers: auth });
  const page2 = (await second.json()) as { value: { id: string }[] };
  expect(page2.value).toHaveLength(5);
  expect(page2.value.map((u) => u.id)).not.toContain(page1.value[0]!.id);

  // The limited demo app lacks Group.Read.All: Graph's 403.
  const limited = (await (await tokenFor("demo-client-limited")).json()) as { access_token: string };
  const groups = await api.get("/api/sim/graph/v1.0/groups", { headers: { authorization: `Bearer ${limited.access_token}` } });
  expect(groups.status()).toBe(403);
  expect((await groups.json()).error.code).toBe("Authorization_RequestDenied");
  await api.dispose();
});
