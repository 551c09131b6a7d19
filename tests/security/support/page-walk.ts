/**
 * Walks the app's pages as files (every page.tsx under app/), so a page added later is
 * walked too: its URL path is the folder path without route groups (`(app)`), with
 * dynamic segments filled by the caller.
 */
import fs from "node:fs";
import path from "node:path";
import { APP_DIR } from "./route-walk";

/** Page files relative to app/ with `/` separators, sorted (`(app)/projects/[id]/page.tsx`). */
export function listPages(dir = APP_DIR): string[] {
  const walk = (current: string): string[] =>
    fs.readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) return entry.name === "api" && current === APP_DIR ? [] : walk(full);
      return entry.name === "page.tsx" ? [path.relative(APP_DIR, full).split(path.sep).join("/")] : [];
    });
  return walk(dir).sort();
}

/** The page's route as Next names it: `/projects/[id]` (route groups dropped). */
export function pageRoute(page: string): string {
  const segments = path.posix
    .dirname(page)
    .split("/")
    .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The page's URL path with its dynamic segments filled from `values`; a segment without a value throws. */
export function pagePath(page: string, values: Record<string, string | string[]>): string {
  return pageRoute(page).replace(/\[(?:\.\.\.)?(\w+)\]/g, (segment, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${page}: no value for the segment ${segment}; give the walk one`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}
