/**
 * The Sync step on the demo project (issue 12, "Done means"): the demo tenant and demo
 * Port, the template's blueprints and the seed mapping; what stops a sync is said with a
 * link to its step; the dry run's plan per blueprint; "Sync now" with the bar moving and
 * the figures growing while it runs; the Demo catalog showing the entities it wrote; the
 * history showing both runs; a second sync writing nothing (every entity unchanged).
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

test.use({ viewport: { width: 1400, height: 1000 } });

const resourceRow = (page: Page, kind: string) => page.getByTestId("resource-progress").and(page.locator(`[data-kind="${kind}"]`));
const usersRow = (page: Page) => resourceRow(page, "/users");
/** The membership listing: one page per group (182 here), the longest part of the run. */
const MEMBERS = "/groups/{group_id}/members";

test("sync: plan, Sync now with live progress, the entities in the Demo catalog, the history", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await signIn(page);
  await page.getByPlaceholder("New project name").fill("Sync walk");
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").filter({ hasText: "Sync walk" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = page.url().split("/").pop()!;
  const api = `/api/projects/${projectId}`;
  const headers = { origin: baseURL! };
  expect((await page.request.put(`${api}/connections/graph`, { data: { mode: "demo" }, headers })).status()).toBe(200);
  expect((await page.request.put(`${api}/connections/port`, { data: { mode: "demo" }, headers })).status()).toBe(200);

  // No mapping yet: said, with the way to the Mapping step, and nothing can start.
  await page.goto(`/projects/${projectId}/sync`);
  const problems = page.getByTestId("sync-problems");
  await expect(problems.locator('[data-code="sync_no_mapping"]')).toContainText("no mapping yet");
  await expect(problems.getByRole("link", { name: "Open the Mapping step" })).toHaveAttribute("href", `/projects/${projectId}/mapping`);
  await expect(page.getByTestId("sync-now")).toBeDisabled();
  await expect(page.getByTestId("demo-catalog-link")).toBeVisible();

  // The template's blueprints (Blueprints step) and the seed mapping the Mapping step starts from.
  await page.goto(`/projects/${projectId}/blueprints`);
  await page.getByTestId("use-template").click();
  await expect
    .poll(async () => ((await (await page.request.get(`${api}/documents/blueprints`)).json()) as { content: { blueprints: unknown[] } | null }).content?.blueprints.length ?? 0, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(4);
  const mapping = (await (await page.request.get(`${api}/mapping`)).json()) as { start: { yaml: string } };
  expect((await page.request.put(`${api}/mapping`, { data: { version: 0, yaml: mapping.start.yaml, checkpoint: true }, headers })).status()).toBe(200);

  // The plan first: a dry run writes nothing and says what a sync would create.
  await page.goto(`/projects/${projectId}/sync`);
  await expect(page.getByTestId("sync-problems")).toHaveCount(0);
  await page.getByTestId("sync-plan").click();
  await expect(page.getByTestId("sync-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  const userPlan = page.getByTestId("plan-row").and(page.locator('[data-blueprint="entra-id-user"]'));
  await expect(userPlan).toBeVisible();
  const toCreate = Number(await userPlan.getAttribute("data-create"));
  expect(toCreate).toBeGreaterThan(0);
  expect(await userPlan.getAttribute("data-update")).toBe("0");
  await userPlan.getByText("Show").click();
  await expect(userPlan.getByRole("listitem").first()).toBeVisible();

  // Sync now: the membership bar moves while the run goes on.
  await page.getByTestId("sync-now").click();
  const progress = page.getByTestId("sync-progress");
  await expect(progress).toHaveAttribute("data-status", /queued|running/);
  await expect(page.getByTestId("sync-cancel")).toBeVisible();
  const seen = new Set<number>();
  while ((await progress.getAttribute("data-status")) !== "succeeded") {
    const status = await progress.getAttribute("data-status");
    expect(["queued", "running"]).toContain(status);
    const items = await resourceRow(page, MEMBERS).getAttribute("data-items", { timeout: 1_000 }).catch(() => null);
    if (items !== null) seen.add(Number(items));
    await page.waitForTimeout(100);
  }
  // Figures on the way, not only the end: the bar was pushed from the server while it ran.
  const final = Number(await resourceRow(page, MEMBERS).getAttribute("data-items"));
  expect([...seen].filter((n) => n > 0 && n < final).length).toBeGreaterThanOrEqual(1);
  await expect(usersRow(page)).toHaveAttribute("data-state", "done");
  await expect(usersRow(page).getByTestId("resource-figures")).toContainText(`written ${toCreate.toLocaleString("en-US")}`);

  // The history: the sync and the dry run, newest first.
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-status", "succeeded");
  await expect(rows.nth(0)).toHaveAttribute("data-dry-run", "false");
  await expect(rows.nth(1)).toHaveAttribute("data-dry-run", "true");
  await rows.nth(0).getByRole("button", { name: /Details/ }).click();
  await expect(page.getByTestId("run-detail")).toContainText("/users");

  // The Demo catalog shows what the sync wrote.
  await page.getByTestId("demo-catalog-link").click();
  await expect(page.getByRole("heading", { name: "Demo catalog" })).toBeVisible();
  await expect(page.getByTestId("count-entra-id-user")).toHaveText(toCreate.toLocaleString());
  await page.getByRole("navigation", { name: "Blueprints" }).getByRole("button", { name: /user/i }).first().click();
  await expect(page.getByTestId("entity-table").getByRole("row").nth(1)).toBeVisible();

  // A second sync with no change in Entra ID writes nothing: every user is unchanged.
  await page.goto(`/projects/${projectId}/sync`);
  await page.getByTestId("sync-now").click();
  await expect(page.getByTestId("sync-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  await expect(usersRow(page).getByTestId("resource-figures")).toContainText(`written 0 · unchanged ${toCreate.toLocaleString("en-US")}`);
  await expect(page.getByTestId("history-row")).toHaveCount(3);

  expect(consoleErrors).toEqual([]);
});
