/**
 * Every page refuses anonymous use: each page.tsx under app/ (found as files, so a page
 * added later is walked too) is requested through proxy.ts without a session, with a
 * forged one, an expired one and a signed-out one, and is sent to /signin with nothing
 * of a project in the answer. Deliberately public pages are listed with the reason. As a
 * second door, each page renders under a layout (or is itself a page) that checks the
 * session again, so none relies on proxy.ts alone. The e2e spec e2e/access.spec.ts walks
 * the same pages on a running production server.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { revokeSession } from "@/lib/server/auth/revocation";
import { config as proxyConfig, isPublicPath, proxy } from "@/proxy";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { listPages, pagePath, pageRoute } from "./support/page-walk";
import { PUBLIC_PAGES } from "./support/public-pages";
import { APP_DIR, APP_ORIGIN } from "./support/route-walk";
import { segmentValues } from "./support/route-values";
import { seedProject, type SeededProject } from "./support/seed-project";
import { createUserWithSession, SESSION_COOKIE, sessionCookieFor, type TestUser } from "./support/sessions";

let database: AppDatabase;
let alice: TestUser;
let project: SeededProject;

const pages = listPages();
const guarded = pages.filter((page) => !(page in PUBLIC_PAGES));

async function anonymousVisit(page: string, cookie?: string): Promise<Response> {
  const target = pagePath(page, segmentValues(project));
  return proxy(new NextRequest(`${APP_ORIGIN}${target}?tab=1`, { headers: cookie ? { cookie } : {} }));
}

async function expectSentToSignIn(response: Response, page: string): Promise<void> {
  const what = `${pageRoute(page)}: ${response.status}`;
  expect([302, 303, 307], what).toContain(response.status);
  const location = new URL(response.headers.get("location")!, APP_ORIGIN);
  expect(location.origin, what).toBe(APP_ORIGIN);
  expect(location.pathname, what).toBe("/signin");
  // Back to where the visitor was going, once signed in.
  if (pageRoute(page) !== "/") expect(location.searchParams.get("callbackUrl"), what).toBe(`${pagePath(page, segmentValues(project))}?tab=1`);
  const body = await response.text();
  expect(body, what).not.toContain(project.name);
}

/** Folders from app/ down to the page's own, each with its layout.tsx and page.tsx text when present. */
function guardSourcesOf(page: string): string[] {
  const parts = path.posix.dirname(page).split("/").filter((p) => p !== ".");
  const folders = parts.map((_, i) => path.join(APP_DIR, ...parts.slice(0, i + 1)));
  return [APP_DIR, ...folders].flatMap((folder) =>
    ["layout.tsx", "page.tsx"].map((name) => path.join(folder, name)).filter((file) => fs.existsSync(file) && (file.endsWith("layout.tsx") || file === path.join(APP_DIR, page))),
  );
}

beforeAll(async () => {
  database = openAppDatabase("access-pages");
  alice = await createUserWithSession("Alice", "admin");
  project = await seedProject(alice, "Alice-Pages-Project");
});

afterAll(() => database.close());

describe("every page refuses anonymous use", () => {
  it("finds the pages (the walk itself works)", () => {
    expect(guarded).toEqual(expect.arrayContaining(["(app)/projects/page.tsx", "(app)/projects/[id]/connect/page.tsx", "(app)/projects/[id]/sync/page.tsx"]));
    expect(guarded.length).toBeGreaterThanOrEqual(10);
  });

  it("proxy.ts runs for every page and counts none of them as public", () => {
    const matchers = proxyConfig.matcher.map((m) => new RegExp(`^${m}$`));
    for (const page of guarded) {
      const target = pagePath(page, segmentValues(project));
      expect(matchers.some((m) => m.test(target)), `${target} is outside proxy.ts's matcher`).toBe(true);
      expect(isPublicPath(target), `${target} is public in proxy.ts`).toBe(false);
    }
  });

  it("without a session, every page sends the visitor to /signin and shows nothing of a project", async () => {
    for (const page of guarded) await expectSentToSignIn(await anonymousVisit(page), page);
  });

  it("a forged, an expired and a signed-out session cookie are no session either", async () => {
    await revokeSession(db(), "signed-out-session", 3600);
    const cookies = {
      forged: `${SESSION_COOKIE}=forged`,
      expired: await sessionCookieFor(alice.id, { maxAgeSeconds: -120 }),
      signedOut: await sessionCookieFor(alice.id, { sessionId: "signed-out-session" }),
    };
    for (const page of guarded) for (const cookie of Object.values(cookies)) await expectSentToSignIn(await anonymousVisit(page, cookie), page);
  });

  it("with a live session the same pages are let through (the refusal is not a blanket one)", async () => {
    for (const page of guarded) {
      const response = await anonymousVisit(page, alice.cookie);
      expect(response.headers.get("x-middleware-next"), pageRoute(page)).toBe("1");
    }
  });

  it("each guarded page also checks the session itself, in its own code or a layout above it", () => {
    for (const page of guarded) {
      const sources = guardSourcesOf(page);
      expect(sources.some((file) => /\brequireUser\(\)/.test(fs.readFileSync(file, "utf8"))), `${page}: no requireUser() in ${sources.map((f) => path.relative(APP_DIR, f)).join(", ")}`).toBe(true);
    }
  });

  it("the public pages, and the invitation API the invite page posts to, are open without a session", async () => {
    const open = [...pages.filter((page) => page in PUBLIC_PAGES).map((page) => pagePath(page, segmentValues(project))), "/api/invitations/some-token"];
    expect(open).toEqual(expect.arrayContaining(["/signin", "/setup"]));
    for (const target of open) {
      const response = await proxy(new NextRequest(`${APP_ORIGIN}${target}`));
      expect(response.headers.get("x-middleware-next"), `${target}: ${response.status} ${response.headers.get("location") ?? ""}`).toBe("1");
    }
  });

  it("the public list names only pages that exist", () => {
    for (const page of Object.keys(PUBLIC_PAGES)) expect(pages).toContain(page);
  });
});
