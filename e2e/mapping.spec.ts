/**
 * The Mapping step as a new user walks it, on the demo tenant (issue 10, "Done means"):
 * the seed mappings with a preview of every resource; a jq syntax error underlined at its
 * line and column while the last good preview stays; the $select fix bringing department
 * and accountEnabled from null to their true values; the membership fix listing every
 * member of a group past $expand's 20; a non-terminating expression stopped with a message
 * while the page answers; the edit saved across a reload; an older version restored.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

test.use({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 1600, height: 1000 } });

/** The Port documentation's Entra ID mapping as people paste it: Graph's defaults only, capped membership. */
const DOCS_MAPPING = `resources:
  - kind: /users
    selector:
      query: 'true'
      data_path: .value
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-user"'
          properties:
            mail: .mail
            department: .department
            accountEnabled: .accountEnabled
  - kind: /groups
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $expand: members($select=id)
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-group"'
          properties:
            description: .description
          relations:
            members: '[.members[].id]'
`;

/** Gives the editor the keyboard focus, as a click in its text does. */
const focusEditor = (page: Page) => page.getByTestId("mapping-editor").locator(".view-lines").click();
const resource = (page: Page, kind: string) => page.getByTestId("preview-resource").and(page.locator(`[data-kind="${kind}"]`));

async function previewSettled(page: Page): Promise<void> {
  await expect(page.getByTestId("preview-resource").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("preview-status")).toHaveAttribute("data-busy", "false", { timeout: 60_000 });
}

/** Puts the cursor at the end of the first line holding `text` (Ctrl+F, as a person would). */
async function endOfLineWith(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+f");
  // Typing selects the first match after the cursor (Enter would move on to the next one).
  await page.keyboard.type(text);
  await page.keyboard.press("Escape");
  await page.keyboard.press("End");
}

/** Pastes `text` at the cursor: one edit, as a person pasting. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+v");
}

async function nullsOf(page: Page, field: string): Promise<number> {
  const badge = page.getByTestId("field-badges").locator(`tr[data-field="${field}"]`).getByTestId("badge-nulls");
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute("data-nulls"));
}

async function savedYaml(page: Page, projectId: string): Promise<string> {
  await expect(page.getByTestId("saving-indicator")).toHaveAttribute("data-state", /^(saved|idle)$/);
  const response = await page.request.get(`/api/projects/${projectId}/mapping`);
  return ((await response.json()) as { yaml: string }).yaml;
}

test("the mapping editor on the demo tenant, as a new user", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    // jq-wasm logs Aborted() when a runaway expression exhausts its memory: that is the case under test.
    if (m.type() === "error" && m.text() !== "Aborted()") consoleErrors.push(m.text());
  });
  await signIn(page);

  // A project with the demo tenant and the demo Port.
  const name = `Mapping walk ${Date.now()}`;
  await page.getByPlaceholder("New project name").fill(name);
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = page.url().split("/").pop()!;
  const headers = { origin: baseURL! };
  expect((await page.request.put(`/api/projects/${projectId}/connections/graph`, { data: { mode: "demo" }, headers })).status()).toBe(200);
  expect((await page.request.put(`/api/projects/${projectId}/connections/port`, { data: { mode: "demo" }, headers })).status()).toBe(200);

  // The seed mappings, with a preview for every resource.
  await page.goto(`/projects/${projectId}/mapping`);
  await previewSettled(page);
  for (const kind of ["/users", "/groups", "/applications", "/servicePrincipals", "/groups/{group_id}/members"]) {
    await expect(resource(page, kind)).toHaveAttribute("data-entities", /^[1-9]\d*$/);
  }
  await expect(page.getByTestId("start-notes")).toContainText("seed mappings");
  const seedDepartmentNulls = await nullsOf(page, "properties.department");
  const seedEnabledNulls = await nullsOf(page, "properties.accountEnabled");
  expect(seedDepartmentNulls).toBeLessThan(1_000);
  const runsBefore = Number(await page.getByTestId("preview-panel").getAttribute("data-runs"));

  // A jq syntax error: underlined at its line and column, the last good preview kept (stale).
  await endOfLineWith(page, "mail: .mail");
  await paste(page, " | ascii_downcase +");
  const syntax = page.getByTestId("finding").and(page.locator('[data-code="jq_syntax"]'));
  await expect(syntax).toHaveCount(1);
  await expect(syntax.getByTestId("finding-go-to")).toHaveText(/^line 19, column \d+$/);
  await expect(page.getByTestId("preview-stale")).toHaveAttribute("data-reason", "jq");
  await expect(page.getByTestId("mapping-editor").locator(".squiggly-error")).not.toHaveCount(0);
  await expect(resource(page, "/users")).toHaveAttribute("data-entities", "1000");
  expect(Number(await page.getByTestId("preview-panel").getAttribute("data-runs"))).toBe(runsBefore);
  // Fixed: the preview is current again.
  for (let i = 0; i < " | ascii_downcase +".length; i++) await page.keyboard.press("Backspace");
  await expect(page.getByTestId("preview-stale")).toHaveCount(0);
  await expect(syntax).toHaveCount(0);

  // The documentation's mapping: Graph's default properties leave department and accountEnabled null.
  await focusEditor(page);
  await page.keyboard.press("Control+a");
  await paste(page, DOCS_MAPPING);
  await previewSettled(page);
  await page.getByTestId("preview-resource").and(page.locator('[data-kind="/users"]')).click();
  await expect.poll(() => nullsOf(page, "properties.department")).toBe(1_000);
  expect(await nullsOf(page, "properties.accountEnabled")).toBe(1_000);
  await expect(page.getByTestId("field-badges").locator('tr[data-field="properties.department"]').getByTestId("badge-not-returned")).toContainText("unless selected");

  // The $select fix: the nulls drop to their true values (those of the seed, which selects them).
  const selectFix = page.getByTestId("finding").and(page.locator('[data-code="field_not_returned_by_default"]')).first().getByTestId("apply-fix");
  await expect(selectFix).toHaveText("Fill $select");
  await selectFix.click();
  await expect.poll(() => nullsOf(page, "properties.department"), { timeout: 30_000 }).toBe(seedDepartmentNulls);
  expect(await nullsOf(page, "properties.accountEnabled")).toBe(seedEnabledNulls);
  // Undoable: Ctrl+Z takes the fix back, Ctrl+Y puts it again.
  await focusEditor(page);
  await page.keyboard.press("Control+z");
  await expect.poll(() => nullsOf(page, "properties.department"), { timeout: 30_000 }).toBe(1_000);
  await page.keyboard.press("Control+y");
  await expect.poll(() => nullsOf(page, "properties.department"), { timeout: 30_000 }).toBe(seedDepartmentNulls);

  // The membership fix: membership entities list every member of a sampled group past 20.
  const memberFix = page.getByTestId("finding").and(page.locator('[data-code="expand_member_cap"]')).getByTestId("apply-fix");
  await memberFix.click();
  const members = resource(page, "/groups/{group_id}/members");
  await expect(members).toHaveAttribute("data-entities", /^[1-9]\d*$/, { timeout: 60_000 });
  await previewSettled(page);
  await members.click();
  const detail = page.getByTestId("resource-detail");
  await detail.getByTestId("parents-note").locator("summary").click();
  const parents = await detail.getByTestId("parent").evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute("data-value")!, items: Number(e.getAttribute("data-items")), complete: e.getAttribute("data-complete") === "true" })),
  );
  // Past $expand's 20, within one page of Graph's answer below ($top=999).
  const group = parents.find((p) => p.complete && p.items > 20 && p.items < 999);
  expect(group, "a sampled group with more than 20 members").toBeDefined();
  // Graph's own answer for that group: every member, users among them.
  const explore = await page.request.post(`/api/projects/${projectId}/explore`, {
    data: { path: `/groups/${group!.id}/members`, query: { $top: "999", $select: "id" } },
    headers,
  });
  const users = ((await explore.json()) as { body: { value: { "@odata.type": string }[] } }).body.value.filter((m) => m["@odata.type"] === "#microsoft.graph.user");
  expect(users.length).toBeGreaterThan(20);
  await detail.getByTestId("entity-filter").fill(group!.id);
  await expect(detail.getByTestId("entity-count")).toHaveText(`${users.length} of ${await members.getAttribute("data-entities").then((n) => Number(n).toLocaleString("en-US"))} entities`);

  // A non-terminating expression: stopped with a message; meanwhile the page answers.
  await endOfLineWith(page, "mail: .mail");
  await page.keyboard.press("Enter");
  await page.keyboard.type("loop: 'def f: f; f'");
  await detail.getByTestId("entity-filter").fill("");
  await expect(detail.getByTestId("entity-count")).toHaveText(/ entities$/);
  await page.getByTestId("toggle-history").click();
  await expect(page.getByTestId("history-panel")).toBeVisible();
  await page.getByTestId("toggle-history").click();
  await expect(page.getByTestId("preview-stale")).toHaveAttribute("data-reason", "stopped", { timeout: 30_000 });
  await expect(page.getByTestId("preview-stale")).toContainText("properties.loop");
  await expect(page.getByTestId("finding").and(page.locator('[data-code="jq_timeout"]'))).toHaveCount(1);
  // Gone again, and the preview is current.
  await endOfLineWith(page, "loop:");
  await page.keyboard.press("Control+Shift+k"); // delete the line
  await expect(page.getByTestId("preview-stale")).toHaveCount(0, { timeout: 30_000 });

  // Nested past 100 levels: refused where it passes the bound, the last good preview kept, and
  // Monaco holds it as plain text (monaco-yaml's worker would compose it by recursion).
  const mode = page.getByTestId("mapping-editor").locator("[data-mode-id]");
  await expect(mode).toHaveAttribute("data-mode-id", "yaml");
  await focusEditor(page);
  await page.keyboard.press("Control+a");
  await paste(page, `resources:\n${Array.from({ length: 150 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`);
  const tooDeep = page.getByTestId("finding").and(page.locator('[data-code="yaml_too_deep"]'));
  await expect(tooDeep).toContainText("The YAML is nested too deeply to read: more than 100 levels.");
  await expect(tooDeep.getByTestId("finding-go-to")).toHaveText("line 101, column 100"); // the list indented 99 spaces is level 101
  await expect(page.getByTestId("preview-stale")).toHaveAttribute("data-reason", "yaml");
  await expect(mode).toHaveAttribute("data-mode-id", "plaintext");
  // One undo brings the mapping back, as YAML again.
  await page.keyboard.press("Control+z");
  await expect(tooDeep).toHaveCount(0);
  await expect(mode).toHaveAttribute("data-mode-id", "yaml");
  await expect(page.getByTestId("preview-stale")).toHaveCount(0, { timeout: 30_000 });

  // Saved: a reload shows the edited text (the membership resource the fix added).
  await page.keyboard.press("Control+s");
  const saved = await savedYaml(page, projectId);
  expect(saved).toContain("/groups/{group_id}/members");
  expect(saved).not.toContain("$expand");
  await page.reload();
  await previewSettled(page);
  await expect(resource(page, "/groups/{group_id}/members")).toBeVisible();
  expect(await savedYaml(page, projectId)).toBe(saved);

  // Restore an older version: the first one, the seed.
  await page.getByTestId("toggle-history").click();
  const first = page.getByTestId("history-version").last();
  await expect(first).toContainText("first version");
  await first.getByRole("button").click();
  await expect(page.getByTestId("diff")).toContainText("lines");
  await page.getByTestId("restore-version").click();
  await expect(resource(page, "/applications")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("history-version").first()).toContainText("restored version 1");
  const restored = await savedYaml(page, projectId);
  expect(restored).toContain("kind: /servicePrincipals");
  expect(restored).not.toContain("$expand");

  expect(consoleErrors).toEqual([]);
});
