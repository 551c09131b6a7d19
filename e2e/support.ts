import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The administrator every spec signs in as (auth-and-projects.spec.ts creates it through the UI). */
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

/** Signs the page in, creating the administrator through the API when a spec runs alone. */
export async function signIn(page: Page): Promise<void> {
  const setup = await page.request.post("/api/setup", { data: admin });
  expect([201, 409]).toContain(setup.status());
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

/** A bearer token from the demo Port, exactly as Port's API hands them out. */
export async function demoPortToken(request: APIRequestContext): Promise<string> {
  const response = await request.post("/api/sim/port/v1/auth/access_token", {
    data: { clientId: "demo-port-client", clientSecret: "demo-port-secret" },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
