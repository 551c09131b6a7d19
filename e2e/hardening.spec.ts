/**
 * The running app against crafted requests, over real HTTP on a private production
 * server with a fresh data folder (so first-run setup is open at the start): DNS
 * rebinding, CPU spent on password hashing, password guessing, open redirects after
 * sign-in, malformed headers and paths, sign-out, and the security headers.
 */
import { expect, test } from "@playwright/test";
import { cpuTimeMs, startPrivateServer, type PrivateServer } from "./private-server";
import { form, raw, signInOverHttp, signOutOverHttp } from "./raw-http";
import { admin } from "./support";

test.describe.configure({ mode: "serial" });

let server: PrivateServer;
const json = { "content-type": "application/json" };
const setupBody = JSON.stringify(admin);

test.beforeAll(async () => {
  server = await startPrivateServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("first-run setup and sign-in answer only to the builder's own host names (DNS rebinding)", async () => {
  const attacker = `attacker.example:${server.port}`;
  const rebound = { host: attacker, origin: `http://${attacker}`, "sec-fetch-site": "same-origin" };
  const setup = await raw(server.origin, "/api/setup", { method: "POST", headers: { ...json, ...rebound }, body: setupBody });
  expect(setup.status).toBe(403);
  expect(setup.json<{ error: { code: string } }>().error.code).toBe("host_not_served");
  expect((await raw(server.origin, "/api/auth/csrf", { headers: { host: attacker } })).status).toBe(403);
  const signIn = await raw(server.origin, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...rebound, "content-type": "application/x-www-form-urlencoded" },
    body: form({ email: admin.email, password: admin.password }),
  });
  expect(signIn.status).toBe(403);
  // Setup was still open: the administrator is created from the builder's own address.
  expect((await raw(server.origin, "/api/setup", { method: "POST", headers: json, body: setupBody })).status).toBe(201);
});

test("a closed setup answers 409 without hashing the password", async () => {
  // What one password check costs this server, measured the same way.
  const before = cpuTimeMs(server.pid);
  for (let i = 0; i < 3; i++) expect((await signInOverHttp(server.origin, admin.email, `wrong ${i}`, "127.0.0.9")).status).toBe(401);
  const perCheck = (cpuTimeMs(server.pid) - before) / 3;

  const start = cpuTimeMs(server.pid);
  const answers = await Promise.all(Array.from({ length: 40 }, () => raw(server.origin, "/api/setup", { method: "POST", headers: json, body: setupBody })));
  const spent = cpuTimeMs(server.pid) - start;
  expect(answers.map((a) => a.status)).toEqual(Array(40).fill(409));
  // Hashing each would cost 40 checks; answering without costs less than a handful.
  expect(spent).toBeLessThan(perCheck * 8);
});

test("parallel sign-ins from one client: one password is checked at a time, the rest get 429 with Retry-After", async () => {
  const from = "127.0.0.4";
  const csrf = await raw(server.origin, "/api/auth/csrf", { from });
  const { csrfToken } = csrf.json<{ csrfToken: string }>();
  // All thirty are sent at once, from one address.
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      raw(server.origin, "/api/auth/callback/credentials", {
        method: "POST",
        from,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookies.join("; ") },
        body: form({ csrfToken, email: `random-${i}-${Math.random()}@example.com`, password: "whatever it is", json: "true" }),
      }),
    ),
  );
  const checked = answers.filter((a) => a.status === 401);
  const refused = answers.filter((a) => a.status === 429);
  expect(checked.length + refused.length).toBe(30);
  // One check runs at a time for this client: those arriving meanwhile are refused. How
  // many arrive after a check ended depends on the machine; unbounded, all 30 are checked.
  expect(checked.length).toBeGreaterThanOrEqual(1);
  expect(refused.length).toBeGreaterThanOrEqual(15);
  for (const answer of refused) {
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(answer.json<{ error: { code: string } }>().error.code).toBe("busy");
  }
});

test("ten wrong passwords lock out the guesser, never the account's owner; huge emails are refused at once", async () => {
  const guesser = "127.0.0.2";
  for (let i = 0; i < 10; i++) expect((await signInOverHttp(server.origin, admin.email, `guess ${i}`, guesser)).status).toBe(401);
  const locked = await signInOverHttp(server.origin, admin.email, "guess 11", guesser);
  expect(locked.status).toBe(429);
  expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  expect(new URL(locked.json<{ url: string }>().url).searchParams.get("error")).toBe("TooManyAttempts");
  // Even the right password from the guessing address waits...
  expect((await signInOverHttp(server.origin, admin.email, admin.password, guesser)).status).toBe(429);
  // ...but the owner, elsewhere, signs in.
  const owner = await signInOverHttp(server.origin, admin.email, admin.password, "127.0.0.3");
  expect(owner.status).toBe(200);
  expect(owner.session).toBeTruthy();

  const huge = await signInOverHttp(server.origin, `${"x".repeat(5 * 1024 * 1024)}@example.com`, "pw", "127.0.0.6");
  expect(huge.status).toBe(413);
});

test("the sign-in page never sends a signed-in user to another site", async () => {
  const { session } = await signInOverHttp(server.origin, admin.email, admin.password, "127.0.0.7");
  const variants = ["/..//evil.com", "/.//evil.com", "/./\\evil.com", "/.\\/evil.com", "/%2e%2e//evil.com", "/.\t//evil.com", "/.\n/\\evil.com", "//evil.com", "/\\evil.com"];
  for (const callback of variants) {
    const answer = await raw(server.origin, `/signin?callbackUrl=${encodeURIComponent(callback)}`, { headers: { cookie: session! } });
    expect(answer.status, callback).toBe(307);
    const target = new URL(answer.headers.location!, server.origin);
    expect(target.origin, `${callback} -> ${answer.headers.location}`).toBe(server.origin);
    expect(answer.headers.location!.startsWith("//"), callback).toBe(false);
  }
});

test("signing in through the page with a crafted callbackUrl stays on the site", async ({ page }) => {
  await page.goto(`${server.origin}/signin?callbackUrl=${encodeURIComponent("/..//evil.com")}`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.origin}/projects`);
});

test("a malformed Origin or a broken percent-encoding is a clear 4xx, never a 500", async () => {
  const { session } = await signInOverHttp(server.origin, admin.email, admin.password, "127.0.0.8");
  const routes: [string, string][] = [
    ["POST", "/api/setup"],
    ["POST", "/api/projects"],
    ["GET", "/api/projects"],
    ["PATCH", "/api/projects/some-id"],
    ["DELETE", "/api/projects/some-id"],
    ["POST", "/api/auth/callback/credentials"],
    ["POST", "/api/auth/signout"],
    ["GET", "/api/auth/session"],
    ["POST", "/api/sim/port/v1/blueprints"],
    ["GET", "/api/health"],
    ["GET", "/projects"],
  ];
  for (const [method, path] of routes) {
    const answer = await raw(server.origin, path, { method, headers: { ...json, cookie: session!, origin: "http://[bad" }, body: method === "GET" ? undefined : "{}" });
    expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${method} ${path}`).toBeLessThan(500);
    expect(answer.json<{ error: { code: string } }>().error.code, `${method} ${path}`).toMatch(/^(malformed_origin|cross_site_request)$/);
  }
  for (const path of ["/api/auth/%E0%A4%A", "/api/auth/session/%E0%A4%A", "/api/sim/graph/%E0%A4%A", "/projects/%E0%A4%A"]) {
    const answer = await raw(server.origin, path, { headers: { cookie: session! } });
    expect(answer.status, path).toBe(400);
    expect(answer.json<{ error: { code: string } }>().error.code).toBe("malformed_path");
  }
});

test("sign-out ends the session on the server: a copy of the cookie no longer works", async () => {
  const { session } = await signInOverHttp(server.origin, admin.email, admin.password, "127.0.0.10");
  expect((await raw(server.origin, "/api/projects", { headers: { cookie: session! } })).status).toBe(200);
  const signedOut = await signOutOverHttp(server.origin, session!);
  expect(signedOut.status).toBe(200);
  expect((await raw(server.origin, "/api/projects", { headers: { cookie: session! } })).status).toBe(401);
  const page = await raw(server.origin, "/projects", { headers: { cookie: session! } });
  expect(page.status).toBe(307);
  expect(new URL(page.headers.location!, server.origin).pathname).toBe("/signin");
  expect((await raw(server.origin, "/api/auth/session", { headers: { cookie: session! } })).json()).toEqual({});
});

test("pages, API answers and static files carry the security headers", async () => {
  const signin = await raw(server.origin, "/signin");
  const csp = String(signin.headers["content-security-policy"]);
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  // Next put this response's nonce on its scripts.
  expect(signin.body).toContain(`nonce="${nonce}"`);
  expect((await raw(server.origin, "/signin")).headers["content-security-policy"]).not.toBe(csp);
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(signin.body)![1]!;
  for (const path of ["/signin", "/api/health", "/api/projects", script]) {
    const answer = await raw(server.origin, path);
    expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
    expect(answer.headers["referrer-policy"], path).toBe("same-origin");
    expect(answer.headers["x-frame-options"], path).toBe("DENY");
  }
  expect((await raw(server.origin, "/api/health")).headers["content-security-policy"]).toContain("default-src 'none'");
});

test("the pages load in Chromium under that policy without a single violation or console error", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`));
  });
  await page.goto(`${server.origin}/signin`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.origin}/projects`);
  await page.getByPlaceholder("New project name").fill("CSP check");
  await page.keyboard.press("Enter");
  await page.getByTestId("project-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  // The builder's steps (their own specs check their behaviour): no policy violation, such
  // as zod's eval probe (components/shell/ZodWithoutEval.tsx) or a worker it would block.
  const project = page.url();
  for (const step of ["connect", "explore", "fields", "blueprints"]) {
    await page.goto(`${project}/${step}`);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`${server.origin}/demo-catalog`);
  await expect(page.getByRole("heading", { name: "Demo catalog" })).toBeVisible();
  await page.goto(`${server.origin}/no-such-page`);
  // next-auth's own sign-out page (inline styles, a form posting to itself) works too.
  await page.goto(`${server.origin}/api/auth/signout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(`${server.origin}/projects`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects$/);
  expect(problems.filter((p) => p.startsWith("CSP violation"))).toEqual([]);
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
