import { expect, test, type Page, type Response } from "@playwright/test";
import { signIn } from "./support";

// The builder's first four steps walked as a new user would, on the demo tenant and the
// demo Port: create a project, connect and test, explore /users, pick fields, generate and
// edit the user blueprint, create it in Port, and find every step as it was after a reload.
// Then a project with planted client secrets: no page and no API answer may show them.
// Screenshots of each step go to test-results/builder/ (not committed).
test.describe.configure({ mode: "serial" });

const PLANTED_GRAPH_SECRET = "e2e-planted-graph-secret~Zq8v.Kp3";
const PLANTED_PORT_SECRET = "e2e-planted-port-secret~Wm5t.Hx9";
const SELECT = "id,displayName,userPrincipalName,mail,accountEnabled,department,jobTitle,createdDateTime";
const PICKS = [".id", ".displayName", ".userPrincipalName", ".mail", ".accountEnabled", ".department"];
const PAGE_SIZE = 50;

let page: Page;
let projectPath = "";
const consoleErrors: string[] = [];
const failedResponses: string[] = [];
/** Every answer of the app's API that the pages asked for, read in full. */
const apiAnswers: Promise<{ url: string; body: string }>[] = [];

const step = (name: "connect" | "explore" | "fields" | "blueprints") => `${projectPath}/${name}`;
const rail = () => page.getByRole("navigation", { name: "Steps" });
const shot = (name: string) => page.screenshot({ path: `test-results/builder/${name}.png`, fullPage: true });

/** Replaces the editor's whole text as a person pasting it would (typing would auto-close brackets). */
async function pasteIntoEditor(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByTestId("monaco-wrapper").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

async function storedBlueprintText(): Promise<string> {
  const answer = await page.request.get(`/api${projectPath}/documents/blueprints`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { content: { blueprints: { text: string }[] } }).content.blueprints[0]!.text;
}

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  page.on("response", (response: Response) => {
    const url = new URL(response.url());
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    if (url.pathname.startsWith("/api/")) apiAnswers.push(response.text().then((body) => ({ url: url.pathname, body }), () => ({ url: url.pathname, body: "" })));
  });
});

test.afterAll(async () => {
  await page.context().close();
});

test("a new user creates a project and is shown the way to Connect", async () => {
  await signIn(page);
  await page.getByPlaceholder("New project name").fill("Builder walk");
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").filter({ hasText: "Builder walk" }).getByRole("link").click();
  await expect(page.getByTestId("project-name")).toHaveText("Builder walk");
  projectPath = new URL(page.url()).pathname;
  expect(projectPath).toMatch(/^\/projects\/[^/]+$/);
  await expect(page.getByTestId("next-step")).toHaveText("Continue: Connect →");
  await expect(page.getByTestId("step-summary-connect")).toHaveText("no Graph connection; no Port connection");
  await shot("1-overview");
  await page.getByTestId("next-step").click();
  await expect(page).toHaveURL(step("connect"));
});

test("connect: the demo tenant and the demo Port pass every check", async () => {
  await expect(page.getByTestId("graph-current")).toHaveText("Not connected yet.");
  await page.getByTestId("graph-save").click();
  await expect(page.getByTestId("graph-verdict")).toHaveText("The Microsoft Graph connection works: all 5 checks passed.");
  for (const id of ["token", "/users", "/groups", "/applications", "/servicePrincipals"]) {
    await expect(page.getByTestId(`check-${id}`)).toHaveAttribute("data-status", "ok");
  }
  await page.getByTestId("port-panel").getByRole("button", { name: "Connect the demo Port" }).click();
  await expect(page.getByTestId("port-verdict")).toHaveText("The Port connection works: all 2 checks passed.");
  await expect(page.getByTestId("next-explore")).toHaveText("Next: Explore →");
  await expect(page.getByTestId("step-summary-connect")).toHaveText("demo tenant connected; demo Port connected");
  await shot("2-connect");
});

test("connect: the limited demo app is told which permission it lacks, with the consent link", async () => {
  await page.getByLabel("Demo app").selectOption("demo-client-limited");
  await page.getByTestId("graph-save").click();
  await expect(page.getByTestId("graph-verdict")).toHaveText("The Microsoft Graph connection does not work yet: 1 of 5 checks failed.");
  const groups = page.getByTestId("check-/groups");
  await expect(groups).toHaveAttribute("data-status", "failed");
  await expect(groups).toContainText("The app lacks the application permission Group.Read.All");
  await expect(groups.getByRole("link", { name: "Open the admin-consent page ↗" })).toHaveAttribute("href", /\/adminconsent\?client_id=demo-client-limited$/);
  await expect(page.getByTestId("check-/users")).toHaveAttribute("data-status", "ok");
  await page.getByTestId("graph-panel").screenshot({ path: "test-results/builder/3-connect-limited.png" });

  await page.getByLabel("Demo app").selectOption("demo-client");
  await page.getByTestId("graph-save").click();
  await expect(page.getByTestId("graph-verdict")).toHaveText("The Microsoft Graph connection works: all 5 checks passed.");
});

test("explore: /users with $select, two more pages, then every page with a progress bar", async () => {
  await rail().getByRole("link", { name: /^Explore/ }).click();
  await expect(page).toHaveURL(step("explore"));
  await page.getByTestId("endpoint-preset").selectOption("users");
  await page.getByTestId("select-text").fill(SELECT);
  await page.getByTestId("opt-top").fill(String(PAGE_SIZE));
  await page.getByTestId("send").click();
  await expect(page.getByTestId("response-status")).toHaveText("HTTP 200");
  await expect(page.getByTestId("response-items")).toHaveText(`${PAGE_SIZE} items`);
  await expect(page.getByTestId("response-request")).toHaveText(`/users?$select=${SELECT}&$top=${PAGE_SIZE}`);
  await expect(page.getByTestId("json-view")).toContainText('"value":');
  await expect(page.getByTestId("sample-position")).toHaveText(`page 1 · ${PAGE_SIZE} items kept in the sample`);

  await page.getByTestId("next-page").click();
  await expect(page.getByTestId("sample-position")).toHaveText(`page 2 · ${2 * PAGE_SIZE} items kept in the sample`);
  await page.getByTestId("next-page").click();
  await expect(page.getByTestId("sample-position")).toHaveText(`page 3 · ${3 * PAGE_SIZE} items kept in the sample`);

  await page.getByTestId("max-pages").fill("100");
  await page.getByTestId("fetch-all").click();
  const progress = page.getByTestId("fetch-all-progress");
  await expect(progress.getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("fetch-all-outcome")).toHaveAttribute("data-outcome", "complete");
  const counts = (await page.getByTestId("fetch-all-counts").textContent()) ?? "";
  const [, pages, items] = /^([\d,]+) pages · ([\d,]+) items$/.exec(counts) ?? [];
  const itemCount = Number(items?.replace(/,/g, ""));
  expect(itemCount).toBeGreaterThan(3 * PAGE_SIZE);
  expect(Number(pages?.replace(/,/g, ""))).toBe(Math.ceil(itemCount / PAGE_SIZE));
  // A complete run fills the bar, whatever the limit was.
  const bar = progress.getByRole("progressbar");
  expect(await bar.evaluate((el: HTMLProgressElement) => el.value === el.max)).toBe(true);
  await expect(page.getByTestId("sample").filter({ hasText: "/users" }).getByTestId("sample-facts").first()).toContainText(`${items} items`);
  // The page shown above is now behind the sample: no "Next page" from it.
  await expect(page.getByTestId("next-page")).toHaveCount(0);
  await expect(page.getByTestId("step-summary-explore")).toHaveText(`1 sample, ${items} items`);
  await shot("4-explore");
});

test("fields: types and presence from every sampled item, and the picks are saved", async () => {
  await rail().getByRole("link", { name: /^Fields/ }).click();
  await expect(page.getByRole("tab", { selected: true })).toContainText("/users");
  await expect(page.getByTestId("sample-facts")).toContainText(/Inferred from all [\d,]+ items/);
  const row = (path: string) => page.locator(`[data-testid=field-row][data-path="${path}"]`);
  await expect(row(".accountEnabled")).toContainText("boolean");
  await expect(row(".createdDateTime")).toContainText("date-time");
  await expect(row(".mail")).toContainText("email");
  await expect(row(".id")).toContainText("uuid");
  await expect(row(".id")).toContainText("100%");
  await expect(row(".department")).toContainText("not returned unless selected");

  for (const path of PICKS) await page.locator(`[data-testid=pick-field][data-path="${path}"]`).check();
  await expect(page.getByTestId("field-counts")).toContainText(`${PICKS.length} picked`);
  await expect(page.getByTestId("saving-indicator")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("identifier-expression")).toHaveValue(".id");
  await expect(page.getByTestId("title-expression")).toHaveValue(".displayName // .userPrincipalName");
  await expect(page.getByTestId("step-summary-fields")).toHaveText(`${PICKS.length} fields picked`);
  await shot("5-fields");
});

test("blueprints: the user blueprint is generated, edited, refused where it is wrong, and drawn", async () => {
  await rail().getByRole("link", { name: /^Blueprints/ }).click();
  await expect(page.getByTestId("no-blueprints")).toBeVisible();
  await page.getByTestId("generate-blueprints").click();
  await expect(page.getByTestId("blueprint-item")).toHaveCount(1);
  await expect(page.getByTestId("blueprint-item")).toHaveAttribute("data-identifier", "entra-id-user");
  await expect(page.getByTestId("blueprint-valid")).toBeVisible();
  await expect(page.getByTestId("monaco-wrapper").locator(".view-lines")).toContainText('"identifier": "entra-id-user"');
  await expect(page.getByTestId("saving-indicator")).toHaveAttribute("data-state", "saved");

  const generated = JSON.parse(await storedBlueprintText()) as { title: string; schema: { properties: Record<string, { type: string }> } };
  expect(Object.keys(generated.schema.properties).sort()).toEqual(PICKS.map((p) => p.slice(1)).sort());

  // An invalid edit: the error names the place, line and column, and Monaco marks it.
  const invalid = structuredClone(generated);
  invalid.schema.properties.mail!.type = "strng";
  const invalidText = JSON.stringify(invalid, null, 2);
  const lines = invalidText.split("\n");
  const typeLine = lines.findIndex((l, i) => l.includes('"type": "strng"') && lines[i - 1]!.includes('"mail": {'));
  await pasteIntoEditor(invalidText);
  await expect(page.getByTestId("blueprint-problems")).toContainText(
    `line ${typeLine + 1}, column ${lines[typeLine]!.indexOf('"type"') + 1}: schema.properties.mail.type`,
  );
  await expect(page.getByTestId("monaco-wrapper").locator(".squiggly-error")).not.toHaveCount(0);
  await expect(page.getByTestId("blueprint-item")).toContainText("1 error");
  await expect(page.getByTestId("push-blueprints")).toBeDisabled();
  await expect(page.locator("#push-blocker")).toHaveText("Fix the errors in entra-id-user first.");
  await shot("6-blueprints-invalid");

  // A valid edit: a new title, saved, and shown in the list and the diagram.
  const edited = { ...generated, title: "Entra ID User (walked)" };
  await pasteIntoEditor(JSON.stringify(edited, null, 2));
  await expect(page.getByTestId("blueprint-valid")).toBeVisible();
  await expect(page.getByTestId("blueprint-item")).toContainText("Entra ID User (walked)");
  await expect.poll(async () => JSON.parse(await storedBlueprintText()) as unknown).toEqual(edited);
  await expect(page.getByTestId("saving-indicator")).toHaveAttribute("data-state", "saved");

  const diagram = page.getByTestId("blueprint-diagram");
  await expect(diagram).toHaveAttribute("aria-label", "Diagram of 1 blueprint and 0 relations");
  await expect(diagram.locator(".react-flow__node")).toContainText("Entra ID User (walked)");
  await expect(page.getByTestId("creation-order")).toHaveText("Create entra-id-user");

  // Generating again over existing blueprints asks first; Escape keeps the edited one.
  await page.getByTestId("generate-blueprints").click();
  const replace = page.getByTestId("replace-dialog");
  await expect(replace).toBeVisible();
  await expect(replace).toContainText("This project already has 1 blueprint. Replacing it with blueprints generated from the picked fields drops your edits to it.");
  await expect(page.getByTestId("add-missing")).toHaveText("Nothing missing to add");
  await shot("6b-blueprints-replace-asked");
  await page.keyboard.press("Escape");
  await expect(replace).toBeHidden();
  await expect(page.getByTestId("blueprint-item")).toContainText("Entra ID User (walked)");
});

test("blueprints: Create in Port puts the user blueprint in the demo Port", async () => {
  await page.getByTestId("push-blueprints").click();
  // created on a fresh demo Port; another spec of this run may have made it first.
  await expect(page.getByTestId("push-report")).toContainText(/^.entra-id-user: (created in Port|updated in Port|already in Port)/);
  await expect(page.getByTestId("blueprint-item")).toContainText("in Port");
  await expect(page.getByTestId("step-summary-blueprints")).toHaveText("1 blueprint, all in Port");
  await shot("7-blueprints-in-port");

  await page.getByRole("link", { name: "Demo catalog" }).click();
  await page.getByRole("navigation", { name: "Blueprints" }).getByRole("button", { name: /Entra ID User \(walked\)/ }).click();
  await expect(page.getByText("Properties: ")).toContainText("mail (email)");
  await shot("8-demo-catalog");
});

test("every step shows what was done after a reload", async () => {
  await page.goto(step("connect"));
  await page.reload();
  await expect(page.getByTestId("graph-current")).toContainText("demo-client — all permissions");
  await expect(page.getByTestId("port-current")).toContainText("Demo Port");
  await shot("9-connect-reloaded");

  await page.goto(step("explore"));
  await page.reload();
  await expect(page.getByTestId("sample")).toHaveCount(1);
  await expect(page.getByTestId("sample").locator("code")).toHaveText("/users");
  // The request being composed is kept for the tab.
  await expect(page.getByTestId("select-text")).toHaveValue(SELECT);
  await expect(page.getByTestId("max-pages")).toHaveValue("100");
  await expect(page.getByTestId("no-response")).toContainText("the samples they made are");
  await shot("10-explore-reloaded");

  await page.goto(step("fields"));
  await page.reload();
  await expect(page.locator("[data-testid=pick-field]:checked")).toHaveCount(PICKS.length);
  await expect(page.getByTestId("title-expression")).toHaveValue(".displayName // .userPrincipalName");
  await shot("11-fields-reloaded");

  await page.goto(step("blueprints"));
  await page.reload();
  await expect(page.getByTestId("blueprint-item")).toContainText("Entra ID User (walked)");
  await expect(page.getByTestId("blueprint-item")).toContainText("in Port");
  await expect(page.getByTestId("blueprint-diagram").locator(".react-flow__node")).toHaveCount(1);
  await shot("12-blueprints-reloaded");
});

test("no page and no API answer shows a saved secret", async () => {
  // Saving runs "Test connection", which would call Entra ID and Port on the internet:
  // the browser's test requests are stopped (tests stay on loopback), the saves are real.
  await page.route("**/api/projects/*/connections/*/test", (route) => route.abort("blockedbyclient"));
  await page.goto("/projects");
  await page.getByPlaceholder("New project name").fill("Secret check");
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").filter({ hasText: "Secret check" }).getByRole("link").click();
  await expect(page.getByTestId("project-name")).toHaveText("Secret check");
  const secretProject = new URL(page.url()).pathname;

  await page.goto(`${secretProject}/connect`);
  await page.getByTestId("graph-mode-client_credentials").click();
  await page.getByLabel("Directory (tenant) ID").fill("contoso.onmicrosoft.com");
  await page.getByLabel("Application (client) ID").fill("11111111-2222-3333-4444-555555555555");
  await page.getByLabel("Client secret (its Value)").fill(PLANTED_GRAPH_SECRET);
  await page.getByTestId("graph-save").click();
  await expect(page.getByTestId("graph-secret-state")).toHaveText("set");

  await page.getByTestId("port-panel").getByText("Your Port organisation").click();
  await page.getByTestId("port-panel").getByRole("textbox", { name: "Client ID" }).fill("e2e-port-client");
  await page.getByTestId("port-panel").getByLabel("Client secret", { exact: true }).fill(PLANTED_PORT_SECRET);
  await page.getByTestId("port-panel").getByRole("button", { name: "Save and test" }).click();
  await expect(page.getByTestId("port-secret-state")).toHaveText("set");
  await page.unroute("**/api/projects/*/connections/*/test");
  // Once saved, the typed secrets leave the form too (an input's value would be in the HTML).
  await expect(page.getByLabel("Client secret (its Value)")).toHaveValue("");
  const connectHtml = await page.content();
  expect(connectHtml).not.toContain(PLANTED_GRAPH_SECRET);
  expect(connectHtml).not.toContain(PLANTED_PORT_SECRET);

  for (const path of ["", "/connect", "/explore", "/fields", "/blueprints"]) {
    await page.goto(`${secretProject}${path}`);
    await page.waitForLoadState("networkidle");
    const html = await page.content();
    expect(html, path).not.toContain(PLANTED_GRAPH_SECRET);
    expect(html, path).not.toContain(PLANTED_PORT_SECRET);
  }
  const answers = await Promise.all(apiAnswers);
  expect(answers.some((a) => a.url.endsWith("/connections"))).toBe(true);
  for (const { url, body } of answers) {
    expect(body, url).not.toContain(PLANTED_GRAPH_SECRET);
    expect(body, url).not.toContain(PLANTED_PORT_SECRET);
  }
});

test("no page logged an error or met an unexpected failure", async () => {
  // The only expected ones: the two stopped test requests of the secrets check.
  const blocked = consoleErrors.filter((e) => e.includes("net::ERR_BLOCKED_BY_CLIENT"));
  expect(blocked.length).toBeLessThanOrEqual(2);
  expect(consoleErrors.filter((e) => !blocked.includes(e))).toEqual([]);
  expect(failedResponses).toEqual([]);
});
