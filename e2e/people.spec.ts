/**
 * People, end to end in Chromium: the administrator invites a member, the member accepts
 * the link in a second browser context, the administrator shares a project read only, the
 * member sees it read only and cannot save, and once removed the member's next request
 * is signed out. Screenshots in test-results/people/.
 */
import { expect, test, type Page } from "@playwright/test";
import { admin, signIn } from "./support";

test.describe.configure({ mode: "serial" });

const SHOTS = "test-results/people";
const member = { name: "Mia Member", email: "mia.people-spec@example.com", password: "a long member password" };
const PROJECT = "People-Spec Directory";

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("invite, accept, share read only, remove", async ({ page, browser }) => {
  await signIn(page);

  // The administrator invites Mia and gets the link once.
  await page.getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  // An empty form says which field is missing, in place, and sends nothing.
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter their email address");
  await expect(page.getByLabel("Email")).toBeFocused();
  // An address that already has an account says what to do instead.
  await page.getByLabel("Email").fill(admin.email.toUpperCase());
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(`${admin.email} already has an account here. Change their role in the people list instead.`);
  await page.getByLabel("Email").fill(member.email);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid");
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const firstLink = await page.getByTestId("invitation-link").inputValue();
  await expect(page.getByTestId("invitation-replaced")).toHaveCount(0);
  // Inviting the same address again replaces the link, and says the earlier one is dead.
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByTestId("invitation-replaced")).toContainText("the earlier link no longer works");
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(link).not.toBe(firstLink);
  await expect(page.getByTestId("pending-invitations").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("pending-invitations")).toContainText(member.email);
  await shot(page, "1-invited");

  // Mia accepts in her own browser context and lands on her (empty) projects list.
  const miaContext = await browser.newContext();
  const mia = await miaContext.newPage();
  await mia.goto(link);
  await expect(mia.getByText(`You were invited as ${member.email}`)).toBeVisible();
  await shot(mia, "2-accept");
  await mia.getByLabel("Password", { exact: true }).fill(member.password);
  await mia.getByLabel("Confirm password").fill(member.password);
  await mia.getByRole("button", { name: "Create my account and sign in" }).click();
  await expect(mia).toHaveURL(/\/projects$/);
  await expect(mia.getByTestId("signed-in-user")).toHaveText(member.name);
  // Her empty list says where shared projects will appear.
  await expect(mia.getByTestId("no-projects")).toContainText("projects shared with you appear here too");
  // A member has no People link, and the page itself is not there for them.
  await expect(mia.getByRole("link", { name: "People" })).toHaveCount(0);
  expect((await mia.goto("/admin/people"))?.status()).toBe(404);
  // The link worked once.
  await mia.goto(link);
  await expect(mia.getByTestId("invitation-problem")).toContainText("already been used");

  // The administrator shares a project with Mia, read only.
  const created = await page.request.post("/api/projects", { data: { name: PROJECT } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { project: { id: string } }).project.id;
  await page.goto(`/projects/${projectId}`);
  await page.getByTestId("share-button").click();
  await page.getByLabel("Person", { exact: true }).selectOption(member.email);
  await page.getByLabel("Access", { exact: true }).selectOption("read");
  await page.getByRole("dialog").getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByTestId("share-list")).toContainText(member.name);
  // The keyboard focus stays in the dialog once the Share button disables itself.
  await expect(page.getByLabel("Person", { exact: true })).toBeFocused();
  await shot(page, "3-shared");
  await page.getByRole("button", { name: "Done" }).click();

  // Mia sees it, read only: one banner, controls disabled, and the server refuses a save.
  await mia.goto("/projects");
  await expect(mia.getByTestId("shared-by")).toHaveText(`Shared by ${admin.name} · read only`);
  await mia.getByRole("link", { name: PROJECT }).click();
  await expect(mia.getByTestId("read-only-banner")).toHaveText(
    `Read only: shared by ${admin.name}. You can look at every step; changes, Graph requests, previews and syncs need edit access: ask ${admin.name} for it.`,
  );
  await mia.goto(`/projects/${projectId}/connect`);
  await expect(mia.getByTestId("read-only-banner")).toBeVisible();
  const controls = mia.locator("fieldset[disabled] button, fieldset[disabled] input");
  await expect(controls.first()).toBeDisabled();
  await shot(mia, "4-read-only");
  const save = await mia.request.put(`/api/projects/${projectId}/connections/port`, { data: { mode: "demo" } });
  expect(save.status()).toBe(403);
  expect(((await save.json()) as { error: { message: string } }).error.message).toBe(`You can view this project; ask its owner, ${admin.name}, for edit access.`);
  // On Mapping she reads the starting text: the editor takes no typing, nothing is saved in
  // her name, and the preview says why it has no sample instead of failing.
  await mia.goto(`/projects/${projectId}/mapping`);
  const editor = mia.getByTestId("mapping-editor");
  await expect(editor.locator(".view-lines")).toContainText("resources:", { timeout: 60_000 });
  const before = await editor.locator(".view-lines").innerText();
  await editor.locator(".view-lines").click();
  await mia.keyboard.type("typed by a viewer");
  await expect(editor.locator(".view-lines")).not.toContainText("typed by a viewer");
  expect(await editor.locator(".view-lines").innerText()).toBe(before);
  await expect(mia.getByText(/Could not save/)).toHaveCount(0);
  await expect(mia.getByText(/which needs edit access/).first()).toBeVisible();

  // The administrator removes Mia; the confirm says where her projects go.
  await page.goto("/admin/people");
  const row = page.locator(`[data-testid="person-row"][data-email="${member.email}"]`);
  await row.getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove ${member.name}?` });
  await expect(confirm).toContainText("signed out at once");
  await shot(page, "5-remove-confirm");
  await confirm.getByRole("button", { name: `Remove ${member.name}` }).click();
  await expect(row).toHaveCount(0);

  // Mia's very next request is signed out.
  expect((await mia.request.get("/api/projects")).status()).toBe(401);
  await mia.goto("/projects");
  await expect(mia).toHaveURL(/\/signin/);
  await shot(mia, "6-signed-out");
  await miaContext.close();
});
