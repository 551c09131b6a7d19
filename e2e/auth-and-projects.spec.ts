import { expect, test, type Page } from "@playwright/test";
import { admin } from "./support";

// One fresh installation, walked through in order: first-run setup, sign-out, a wrong
// password, sign-in, projects, and the API's refusal without a session.
test.describe.configure({ mode: "serial" });

let page: Page;
const consoleErrors: string[] = [];
const failedResponses: string[] = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  page.on("response", (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
});

test.afterAll(async () => {
  await page.close();
});

test("first visit creates the administrator account", async () => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the administrator account" })).toBeVisible();

  // Bad input first: the form says what is wrong and where, and sends nothing.
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("The passwords do not match")).toBeVisible();

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText(admin.name);
});

test("sign-out ends the session and setup is gone for good", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects$/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a wrong password says so clearly", async () => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("sign-in with the right password opens the projects page", async () => {
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByText("No projects yet")).toBeVisible();
});

test("projects can be created, renamed and deleted with confirmation", async () => {
  const rows = page.getByTestId("project-row");
  await page.getByPlaceholder("New project name").fill("Contoso directory");
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link")).toHaveText("Contoso directory");

  // Rename from the keyboard: Rename, type, Enter.
  await rows.first().getByRole("button", { name: "Rename" }).click();
  const nameInput = page.getByLabel("New name for Contoso directory");
  await nameInput.fill("Contoso production");
  await nameInput.press("Enter");
  await expect(rows.first().getByRole("link")).toHaveText("Contoso production");

  // A rename survives a reload (it was saved, not only shown).
  await page.reload();
  await expect(rows.first().getByRole("link")).toHaveText("Contoso production");

  // Delete asks first; Cancel keeps the project.
  await rows.first().getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Delete “Contoso production”?");
  // The warning wraps inside the dialog (it sits in a right-aligned, no-wrap table cell): no word is cut off.
  const warning = dialog.getByText("cannot be undone");
  expect(await warning.evaluate((p) => p.scrollWidth <= p.clientWidth && p.getBoundingClientRect().right <= p.closest("dialog")!.getBoundingClientRect().right)).toBe(true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete project" }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("No projects yet")).toBeVisible();
});

test("the API refuses a request without a session with 401 JSON", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/projects");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthorized");
  const health = await anonymous.get("/api/health");
  expect(health.status()).toBe(200);
  await anonymous.dispose();

  // The same route answers the signed-in browser.
  const signedIn = await page.request.get("/api/projects");
  expect(signedIn.status()).toBe(200);
  expect(await signedIn.json()).toEqual({ projects: [] });
});

test("repeated wrong passwords lock that email for a while, with a clear message", async ({ browser }) => {
  const guesser = await browser.newPage();
  await guesser.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await guesser.getByLabel("Email").fill("mallory@example.com");
    await guesser.getByLabel("Password").fill(`guess number ${i}`);
    await guesser.getByRole("button", { name: "Sign in" }).click();
    await expect(guesser.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  }
  await guesser.getByLabel("Email").fill("mallory@example.com");
  await guesser.getByLabel("Password").fill("one more guess");
  await guesser.getByRole("button", { name: "Sign in" }).click();
  await expect(guesser.getByRole("alert").filter({ hasText: "Too many wrong passwords for this email" })).toBeVisible();
  await guesser.close();
});

test("no page logged an error or hit a missing resource", async () => {
  // The expected failures: a wrong password is 401, the locked-out guesser's next try 429.
  const unexpected = failedResponses.filter((r) => r !== "401 /api/auth/callback/credentials" && r !== "429 /api/auth/callback/credentials");
  expect(unexpected).toEqual([]);
  expect(consoleErrors.filter((e) => !/status of (401|429)/.test(e))).toEqual([]);
});
