/**
 * Hostile data from Graph in the browser (issue 13): markup, javascript: URLs, right-to-left
 * and zero-width characters, a lone surrogate, a 1 MB string, an object nested 1,000 deep and
 * a 100,000-element array, shown on the Explore, Fields and Mapping pages. No script runs
 * (no dialog, nothing set on window), no javascript: link exists, bidi and zero-width
 * characters show as escapes, the size and depth notes are shown, and the page answers a
 * click. The server side of the same data is tests/security/hostile-graph.test.ts.
 *
 * How the hostile item gets in: Explore's and the mapping preview's answers are the app's
 * real answers with the item put first (the demo tenant holds no such user); the Fields step
 * reads it from the project's stored sample, written into the database.
 * Screenshots go to test-results/hostile/ (not committed).
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1600, height: 1000 } });

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { level: value };
  return value;
}

const HOSTILE_USER = {
  id: "hostile\u202Eexe.pdf",
  displayName: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">',
  userPrincipalName: "javascript:window.__pwned=1",
  mail: "ad\u200Bmin@contoso.com",
  department: "lone \ud800 surrogate",
  accountEnabled: true,
  "<img src=x onerror=window.__pwned=1>": "a hostile key",
  huge: "x".repeat(1024 * 1024),
  deep: nested(1_000),
  many: Array.from({ length: 100_000 }, (_, i) => i),
};

/** The same without the lone surrogate, which jq refuses to read (that item is counted as a selector error), and the deep object. */
const { deep: _deep, ...HOSTILE_SHALLOW_USER } = { ...HOSTILE_USER, id: "shallow\u202Eexe.pdf", department: "Sales" };

let page: Page;
let projectId = "";
const dialogs: string[] = [];
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: `test-results/hostile/${name}.png` });

test.beforeAll(async ({ browser, baseURL }) => {
  page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page);
  const name = `Hostile data ${Date.now()}`;
  await page.getByPlaceholder("New project name").fill(name);
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  projectId = page.url().split("/").pop()!;
  const headers = { origin: baseURL! };
  expect((await page.request.put(`/api/projects/${projectId}/connections/graph`, { data: { mode: "demo" }, headers })).status()).toBe(200);
  expect((await page.request.put(`/api/projects/${projectId}/connections/port`, { data: { mode: "demo" }, headers })).status()).toBe(200);
});

test.afterEach(async () => {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').count()).toBe(0);
  expect(await page.locator("img[onerror], script:not([src]):has-text('__pwned')").count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

test.afterAll(async () => {
  await page.close();
});

test("explore: the hostile item is shown as text, escaped and cut, and the page answers", async () => {
  await page.route(`**/api/projects/${projectId}/explore`, async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as { body: { value: unknown[] }; itemCount: number };
    answer.body.value = [HOSTILE_USER, ...answer.body.value.slice(1)];
    await route.fulfill({ response, json: answer });
  });
  await page.goto(`/projects/${projectId}/explore`);
  await page.getByTestId("endpoint-preset").selectOption("users");
  await page.getByTestId("send").click();
  await expect(page.getByTestId("response-status")).toHaveText("HTTP 200");
  const json = page.getByTestId("json-view");
  await json.getByRole("button", { name: /hostile/ }).first().click();
  await expect(json).toContainText('"id": "hostile\\u202Eexe.pdf"');
  await expect(json).toContainText('"mail": "ad\\u200Bmin@contoso.com"');
  await expect(json).toContainText('"displayName": "<script>window.__pwned = 1</script>');
  await expect(json).toContainText('"userPrincipalName": "javascript:window.__pwned=1"');
  await expect(json).toContainText('"department": "lone \\ud800 surrogate"');
  // The 1 MB string: its first 2,000 characters, then its length.
  await expect(json).toContainText("… (1,048,578 characters in all)");
  await expect(json).toContainText("[ 100,000 items ]");
  await shot("1-explore-item");

  // The 100,000-element array opened: a virtualised list, and the page still answers a click.
  const linesShown = page.getByText(/^[\d,]+ lines shown$/);
  await json.getByRole("button", { name: /"many":/ }).click();
  await expect(linesShown).toHaveText(/^1\d\d,\d{3} lines shown$/);
  await shot("2-explore-array-open");
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(linesShown).toHaveText(/^\d{1,3} lines shown$/);
  await page.unroute(`**/api/projects/${projectId}/explore`);
});

test("fields: the stored hostile sample is inferred with its depth note, names escaped, and the page answers", async () => {
  // The /users sample Explore kept holds demo users: the hostile item replaces them in the database.
  const dataDir = process.env.E2E_DATA_DIR ?? "./data/e2e";
  const items = JSON.stringify([HOSTILE_USER]);
  const database = new Database(path.join(dataDir, "app.db"));
  try {
    const changed = database
      .prepare("UPDATE Sample SET items = ?, itemCount = 1, bytes = ?, pages = 1, truncated = NULL WHERE projectId = ? AND endpoint = '/users'")
      .run(items, Buffer.byteLength(items), projectId).changes;
    expect(changed).toBe(1);
  } finally {
    database.close();
  }
  await page.goto(`/projects/${projectId}/fields`);
  await expect(page.getByTestId("sample-facts")).toContainText("Inferred from all 1 item");
  const note = page.getByRole("note");
  await expect(note).toContainText(/nested deeper than \d+ levels were not inspected/);
  const table = page.getByTestId("fields-table");
  await expect(table).toContainText(".deep.level");
  await expect(table).toContainText('"hostile\\u202Eexe.pdf"');
  await expect(table).toContainText('"ad\\u200Bmin@contoso.com"');
  await expect(table).toContainText("<script>window.__pwned = 1</script>");
  await shot("3-fields");
  const pick = page.getByTestId("pick-field").and(page.locator('[data-path=".mail"]'));
  await pick.click();
  await expect(pick).toBeChecked();
});

test("mapping preview: an entity from the hostile item is shown escaped and cut, and the page answers", async () => {
  test.setTimeout(180_000);
  await page.route(`**/api/projects/${projectId}/mapping/preview-sample`, async (route) => {
    const response = await route.fetch();
    const sample = (await response.json()) as { kind: string; pages: { body: { value?: unknown[] } }[] };
    const first = sample.pages[0]?.body;
    if (sample.kind === "/users" && Array.isArray(first?.value)) first.value = [HOSTILE_USER, HOSTILE_SHALLOW_USER, ...first.value.slice(2)];
    await route.fulfill({ response, json: sample });
  });
  await page.goto(`/projects/${projectId}/mapping`);
  await expect(page.getByTestId("preview-resource").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("preview-status")).toHaveAttribute("data-busy", "false", { timeout: 60_000 });
  const users = page.getByTestId("preview-resource").and(page.locator('[data-kind="/users"]'));
  await users.click();
  // The item jq cannot read is counted, with jq's reason, not dropped in silence.
  await expect(users.getByTitle(/lone UTF-16 surrogate/)).toHaveText("selector errors 1");
  // ...and the reason is on the page, not only in a hover title.
  await expect(page.getByTestId("drop-reasons")).toContainText(/selector errors \(1\), for example: .*lone UTF-16 surrogate/);
  await page.getByTestId("entity-filter").fill("shallow");
  const row = page.getByTestId("entity-row").first();
  await expect(row).toContainText("shallow\\u202Eexe.pdf");
  await row.click();
  const source = page.getByTestId("source-json");
  await expect(source).toContainText('"id": "shallow\\u202Eexe.pdf"');
  await expect(source).toContainText(/… \([\d,]+ characters in all\)$/);
  await expect(page.getByTestId("entity-json")).toContainText("<script>window.__pwned = 1</script>");
  // A finding that quotes the value (mail is not an email address) shows its zero-width space too.
  await expect(page.getByTestId("finding").filter({ hasText: "properties.mail" })).toContainText('"ad\\u200Bmin@contoso.com"');
  await shot("4-mapping-entity");
  await page.getByTestId("entity-filter").fill("");
  await expect(page.getByTestId("entity-row")).not.toHaveCount(1);
  await page.unroute(`**/api/projects/${projectId}/mapping/preview-sample`);
});
