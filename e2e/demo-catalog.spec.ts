import { expect, test } from "@playwright/test";
import { demoPortToken, signIn } from "./support";

// What a sync writes into the demo Port shows up in the Demo catalog page.
test("the demo catalog shows blueprints, counts, search and one entity's JSON", async ({ page, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const token = await demoPortToken(api);
  const headers = { authorization: `Bearer ${token}` };
  const blueprint = {
    identifier: "e2e-user",
    title: "E2E user",
    schema: { properties: { mail: { type: "string", format: "email" }, enabled: { type: "boolean" } }, required: [] },
    relations: {},
  };
  const created = await api.post("/api/sim/port/v1/blueprints", { headers, data: blueprint });
  expect([200, 201, 409]).toContain(created.status());
  const entities = ["alice", "bob", "carol"].map((name) => ({
    identifier: `${name}-id`,
    title: `${name[0]!.toUpperCase()}${name.slice(1)} Example`,
    properties: { mail: `${name}@contoso.example`, enabled: true },
    relations: {},
  }));
  const bulk = await api.post("/api/sim/port/v1/blueprints/e2e-user/entities/bulk?upsert=true&merge=true", { headers, data: { entities } });
  expect(bulk.ok()).toBe(true);
  // A value of the wrong type is refused per entity, like Port (207 with the reason).
  const bad = await api.post("/api/sim/port/v1/blueprints/e2e-user/entities/bulk?upsert=true", {
    headers,
    data: { entities: [{ identifier: "dave-id", properties: { enabled: "yes" } }] },
  });
  expect(bad.status()).toBe(207);
  await api.dispose();

  await signIn(page);
  await page.getByRole("link", { name: "Demo catalog" }).click();
  await expect(page.getByRole("heading", { name: "Demo catalog" })).toBeVisible();
  await page.getByRole("navigation", { name: "Blueprints" }).getByRole("button", { name: /E2E user/ }).click();
  await expect(page.getByTestId("count-e2e-user")).toHaveText("3");
  const table = page.getByTestId("entity-table");
  await expect(table.getByRole("row")).toHaveCount(4);

  await page.getByLabel("Search entities").fill("bob");
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("button", { name: "bob-id" }).click();
  await expect(page).toHaveURL(/entity=bob-id/);
  await expect(page.getByTestId("json-panel")).toContainText('"mail": "bob@contoso.example"');

  // The choice survives a reload (it lives in the URL).
  await page.reload();
  await expect(page.getByTestId("json-panel")).toContainText('"identifier": "bob-id"');
});
