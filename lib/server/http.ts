/**
 * Route-handler plumbing shared by every app/api route: the session guard, JSON bodies
 * validated with zod, and the one error model turned into `{error:{code,message,hint}}`.
 */
import type { z } from "zod";
import { AppError, isAppError, toErrorShape, UNAUTHORIZED_ERROR } from "../errors";
import { readLimitedText } from "../net/body";
import { logger } from "./log";
import { sessionFromRequest, type SessionUser } from "./auth/session";
import { crossSiteRefusal } from "./request-checks";

export { crossSiteRefusal, foreignHostRefusal } from "./request-checks";

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** Turns anything thrown in a handler into the JSON error shape with the right status. */
export function errorResponse(error: unknown): Response {
  const status = isAppError(error) ? error.status : 500;
  if (status >= 500) logger().error({ err: error }, "request failed");
  return json({ error: toErrorShape(error) }, { status });
}

export function unauthorized(): Response {
  return json({ error: UNAUTHORIZED_ERROR }, { status: 401 });
}

/**
 * Wraps a route handler so it only runs for a signed-in user; everything else gets 401
 * JSON. Every handler under app/api uses this unless it is deliberately public (sign-in,
 * first-run setup, health, the simulators' own token-checked endpoints).
 */
export function withSession<C>(
  handler: (request: Request, context: C, user: SessionUser) => Promise<Response> | Response,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      const refused = crossSiteRefusal(request);
      if (refused) return refused;
      const user = await sessionFromRequest(request);
      if (!user) return unauthorized();
      return await handler(request, context, user);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads and validates a JSON body; a bad body is a 400 that says which field and why.
 * `maxBytes` bounds what is read at all (413 beyond it): for public endpoints.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  // Only JSON: a text/plain form post (which a browser sends cross-site without a
  // preflight) must not be read as a JSON body.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "The request body must be JSON.", {
      status: 415,
      hint: "Send the header Content-Type: application/json.",
    });
  }
  const text = options.maxBytes === undefined ? await request.text() : await readLimitedText(request, options.maxBytes);
  if (text === null) {
    throw new AppError("request_too_large", `The request body is larger than ${options.maxBytes} bytes.`, {
      status: 413,
      hint: "Send only the fields this endpoint takes.",
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.", { status: 400, hint: "Send a JSON object." });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "body";
    throw new AppError("invalid_request", `${where}: ${issue.message}`, {
      status: 400,
      location: { path: where },
      hint: "Correct the field and send again.",
    });
  }
  return parsed.data;
}
