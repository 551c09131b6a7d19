/**
 * Access on a running production server (a private one, fresh data folder): every page
 * found under app/ sends a visitor without a live session (none, or a signed-out one) to
 * /signin with nothing of a project in the answer, in raw HTTP and in Chromium; and a
 * cross-site write with the user's own cookie is refused. tests/security/access-*.test.ts
 * prove the same per route and page in-process; this proves the built server does it.
 */
import { expect, test } from "@playwright/test";
import { startPrivateServer, type PrivateServer } from "./private-server";
import { raw, signInOverHttp, signOutOverHttp } from "./raw-http";
import { admin } from "./support";
import { listPages, pagePath, pageRoute } from "../tests/security/support/page-walk";
import { PUBLIC_PAGES } from "../tests/security/support/public-pages";

test.describe.configure({ mode: "serial" });

const PROJECT_NAME = "Access-Spec-Contoso-Directory";
const json = { "content-type": "application/json" };

let server: PrivateServer;
let session: string;
let projectId: string;

const guardedPages = listPages().filter((page) => !(page in PUBLIC_PAGES));
const pathOf = (page: string) => pagePath(page, { id: projectId });

async function expectSentToSignIn(page: string, cookie?: string): Promise<void> {
  const answer = await raw(server.origin, pathOf(page), { headers: cookie ? { cookie } : {} });
  const what = `${pageRoute(page)} answered ${answer.status}`;
  expect([302, 303, 307], what).toContain(answer.status);
  expect(new URL(String(answer.headers.location), server.origin).pathname, what).toBe("/signin");
  expect(answer.body, what).not.toContain(PROJECT_NAME);
}

test.beforeAll(async () => {
  server = await startPrivateServer();
  expect((await raw(server.origin, "/api/setup", { method: "POST", headers: json, body: JSON.stringify(admin) })).status).toBe(201);
  session = (await signInOverHttp(server.origin, admin.email, admin.password)).session!;
  const created = await raw(server.origin, "/api/projects", { method: "POST", headers: { ...json, cookie: session }, body: JSON.stringify({ name: PROJECT_NAME }) });
  expect(created.status).toBe(201);
  projectId = created.json<{ project: { id: string } }>().project.id;
});

test.afterAll(async () => {
  await server?.stop();
});

test("every page sends a visitor without a session to /signin and shows nothing of a project", async () => {
  expect(guardedPages.length).toBeGreaterThanOrEqual(10);
  for (const page of guardedPages) await expectSentToSignIn(page);
  // Control: signed in, the project's page is served with its name.
  const own = await raw(server.origin, `/projects/${projectId}`, { headers: { cookie: session } });
  expect(own.status).toBe(200);
  expect(own.body).toContain(PROJECT_NAME);
});

test("in Chromium, an anonymous visit to a project's steps ends on the sign-in form", async ({ page }) => {
  for (const step of guardedPages.filter((p) => p.includes("[id]"))) {
    await page.goto(`${server.origin}${pathOf(step)}`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(await page.content()).not.toContain(PROJECT_NAME);
  }
});

test("a cross-site write with the user's own cookie is refused and changes nothing", async () => {
  const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site", "content-type": "text/plain" }];
  for (const headers of crossSite) {
    const answer = await raw(server.origin, `/api/projects/${projectId}`, { method: "DELETE", headers: { ...json, ...headers, cookie: session } });
    expect(answer.status).toBe(403);
  }
  expect((await raw(server.origin, `/api/projects/${projectId}`, { headers: { cookie: session } })).status).toBe(200);
});

test("after sign-out, a copy of the session cookie opens no page", async () => {
  const copy = (await signInOverHttp(server.origin, admin.email, admin.password)).session!;
  expect((await raw(server.origin, "/projects", { headers: { cookie: copy } })).status).toBe(200);
  expect((await signOutOverHttp(server.origin, copy)).status).toBe(200);
  for (const page of guardedPages) await expectSentToSignIn(page, copy);
});
