/**
 * The Export step on the demo project (issue 11, "Done means"): the documentation page's
 * mapping and blueprints imported through the dialog with their problems shown at once,
 * then the export switched to the US region and an existing Secret, one artefact copied,
 * and "Download all" opened as a zip holding every artefact, byte for byte what lib/export
 * makes of the same project.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_INTEGRATION_CONFIG_YAML, DOCUMENTATION_MAPPING_YAML } from "../lib/export/fixtures/documentation-page";
import { signIn } from "./support";

/**
 * What lib/export makes of the documentation page for the demo project, computed by the
 * same code under tsx (Playwright's own loader cannot load lib/jq's worker client).
 */
function expectedArtefacts(options: { region: string; secrets: string }): { fileName: string; content: string }[] {
  const code = `
    const { exportProject } = require("./lib/export/index.ts");
    const { analyseImport } = require("./lib/export/import.ts");
    const { DOCUMENTATION_BLUEPRINTS_JSON: b, DOCUMENTATION_MAPPING_YAML: m } = require("./lib/export/fixtures/documentation-page.ts");
    const a = analyseImport({ configYaml: m, blueprintsJson: b });
    const graph = { kind: "client_credentials", cloud: "global", tenantId: null, clientId: null };
    const out = exportProject({ mapping: a.config, blueprints: a.blueprints, graph }, { identifier: "entra-id", ...${JSON.stringify(options)} });
    process.stdout.write(JSON.stringify(out.artefacts.map(({ fileName, content }) => ({ fileName, content }))));
  `;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--eval", code], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { fileName: string; content: string }[];
}

test.use({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 1400, height: 1000 } });

test("export: import the documentation page, switch region and secrets, copy, download every artefact", async ({ page, baseURL }) => {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await signIn(page);

  // The demo project: the demo tenant and the demo Port.
  await page.getByPlaceholder("New project name").fill("Export walk");
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").filter({ hasText: "Export walk" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = page.url().split("/").pop()!;
  const headers = { origin: baseURL! };
  expect((await page.request.put(`/api/projects/${projectId}/connections/graph`, { data: { mode: "demo" }, headers })).status()).toBe(200);
  expect((await page.request.put(`/api/projects/${projectId}/connections/port`, { data: { mode: "demo" }, headers })).status()).toBe(200);

  // No mapping yet: the page says so and offers the import.
  await page.goto(`/projects/${projectId}/export`);
  await expect(page.getByTestId("export-not-ready")).toContainText("no mapping yet");
  await page.getByTestId("open-import").click();
  const dialog = page.getByTestId("import-dialog");
  await expect(dialog).toBeVisible();

  // A broken blueprints file: the problem at its line and column, Import refused.
  await dialog.getByTestId("import-config").fill(DOCUMENTATION_MAPPING_YAML);
  await dialog.getByTestId("import-blueprints").fill('[\n  {"identifier": "x",,}\n]');
  await expect(dialog.getByTestId("import-findings").locator('[data-code="json_syntax"]')).toContainText("blueprints 2:");
  await expect(dialog.getByTestId("import-submit")).toBeDisabled();

  // The documentation page's files: the lints at once (skip_token, the $expand cap, fields without $select).
  await dialog.getByTestId("import-blueprints").fill(DOCUMENTATION_BLUEPRINTS_JSON);
  await dialog.getByText("Integration config (optional").click();
  await dialog.getByTestId("import-integration").fill(DOCUMENTATION_INTEGRATION_CONFIG_YAML);
  await expect(dialog.getByTestId("import-summary")).toHaveText("Ready: 4 resources and 4 blueprints.");
  const findings = dialog.getByTestId("import-findings");
  await expect(findings.locator('[data-code="pagination_skip_token"]')).toBeVisible();
  await expect(findings.locator('[data-code="expand_member_cap"]')).toContainText("at most 20");
  await expect(findings.locator('[data-code="field_not_returned_by_default"]')).toHaveCount(4);
  await dialog.getByTestId("import-submit").click();
  await expect(dialog.getByTestId("import-done")).toContainText("4 blueprints");
  await dialog.getByTestId("import-close").click();

  // The export of the imported project.
  await expect(page.getByTestId("export-panel")).toHaveAttribute("data-artefact", "mapping");
  await expect(page.getByTestId("export-notes")).toContainText("demo tenant exists only inside this builder");
  await expect(page.getByTestId("export-viewer").locator(".view-lines")).toContainText("deleteDependentEntities");
  await expect(page.getByTestId("differences")).toContainText("paginationType: next_link");

  // Switch the region and the secret handling.
  await page.getByRole("radio", { name: /^US/ }).check();
  await page.getByRole("radio", { name: /^An existing Secret/ }).check();
  await expect(page.getByTestId("export-tab-kubectl-secret")).toBeVisible();
  await expect(page.getByTestId("export-tab-docker-env")).toBeVisible();

  // Copy one artefact: the Helm command, as the clipboard holds it.
  await page.getByTestId("export-tab-helm").click();
  await expect(page.getByTestId("export-panel")).toHaveAttribute("data-artefact", "helm");
  await page.getByRole("button", { name: "Copy helm-install.sh" }).click();
  await expect(page.getByTestId("export-panel").getByRole("status")).toHaveText("Copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("--set-literal port.baseUrl=https://api.us.port.io");
  expect(copied).toContain("--set secret.create=false");
  expect(copied).toContain("--set-literal integration.config.paginationType=next_link");
  // Keyboard: the arrow keys move along the tabs.
  await page.getByTestId("export-tab-helm").press("ArrowRight");
  await expect(page.getByTestId("export-panel")).toHaveAttribute("data-artefact", "helm-values");

  // Download all: one zip, every artefact, each exactly what lib/export makes of this project.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-all").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("entra-id-ocean-export.zip");
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const expected = expectedArtefacts({ region: "us", secrets: "existing-secret" });
  expect(expected.length).toBeGreaterThan(10);
  expect(Object.keys(files).sort()).toEqual(expected.map((a) => `entra-id/${a.fileName}`).sort());
  for (const a of expected) expect(strFromU8(files[`entra-id/${a.fileName}`]!), a.fileName).toBe(a.content);

  expect(consoleErrors).toEqual([]);
});
