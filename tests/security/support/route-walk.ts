/**
 * Walks the app's route handlers as files (app/api/.../route.ts), so a route added later
 * is walked too without anyone listing it, and calls them as Next does: a web Request
 * and a context whose `params` fill the route's dynamic segments.
 */
import fs from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(__dirname, "../../../app");
export const API_DIR = path.join(APP_DIR, "api");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** The origin the tests' requests are addressed to (a host the builder serves by default). */
export const APP_ORIGIN = "http://localhost:3000";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Route files under `dir`, relative to app/api with `/` separators, sorted. */
export function listRouteFiles(dir = API_DIR): string[] {
  const walk = (current: string): string[] =>
    fs.readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name === "route.ts" ? [path.relative(API_DIR, full).split(path.sep).join("/")] : [];
    });
  return walk(dir).sort();
}

export async function loadRoute(route: string): Promise<Partial<Record<HttpMethod, Handler>>> {
  return (await import(/* @vite-ignore */ path.join(API_DIR, route))) as Partial<Record<HttpMethod, Handler>>;
}

export function exportedMethods(mod: Partial<Record<HttpMethod, Handler>>): HttpMethod[] {
  return HTTP_METHODS.filter((method) => typeof mod[method] === "function");
}

/** The names of a route's dynamic segments (`[id]`, `[...path]`), in path order. */
export function dynamicSegmentsOf(route: string): string[] {
  return path.posix
    .dirname(route)
    .split("/")
    .flatMap((segment) => {
      const match = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      return match ? [match[1]!] : [];
    });
}

/** The URL path of a route with its dynamic segments filled from `values`; a segment without a value throws. */
export function routePath(route: string, values: Record<string, string | string[]>): string {
  const segments = path.posix
    .dirname(route)
    .split("/")
    .filter((segment) => segment !== ".")
    .map((segment) => {
      const match = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      if (!match) return segment;
      const value = values[match[1]!];
      if (value === undefined) throw new Error(`${route}: no value for the segment ${segment}; give the walk one`);
      return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
    });
  return `/api/${segments.join("/")}`.replace(/\/$/, "");
}

export interface RouteCall {
  route: string;
  method: HttpMethod;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  query?: string;
}

/** A Request for the route as the browser would address it, and the context Next would pass. */
export function routeRequest({ route, method, params, headers = {}, body, query = "" }: RouteCall): { request: Request; context: { params: Promise<Record<string, string | string[]>> } } {
  const request = new Request(`${APP_ORIGIN}${routePath(route, params)}${query}`, { method, headers, body: method === "GET" ? undefined : body });
  return { request, context: { params: Promise.resolve(params) } };
}

/** Calls the route's handler for `method` (which it must export). */
export async function callRoute(call: RouteCall): Promise<Response> {
  const handler = (await loadRoute(call.route))[call.method];
  if (!handler) throw new Error(`${call.route} exports no ${call.method}`);
  const { request, context } = routeRequest(call);
  return handler(request, context);
}

/** Headers of a request from the builder's own page (same origin), with a session cookie. */
export function sameOriginHeaders(cookie: string): Record<string, string> {
  return { cookie, "content-type": "application/json", origin: APP_ORIGIN, "sec-fetch-site": "same-origin" };
}
