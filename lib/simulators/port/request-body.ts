/**
 * Reading and checking a request body for the demo Port: at most 1 MiB (checked while
 * reading), valid JSON, nested at most MAX_JSON_DEPTH deep, and of the endpoint's shape.
 * A bad body ends the request with Port's error answer (`HttpFailure`).
 */
import type { z } from "zod";
import { BULK_MAX_BYTES } from "../../port/limits";
import { BodyTooLarge, portError, readBodyCapped } from "./http-util";

/**
 * Deepest nesting of arrays and objects a body may have. Port documents no figure; the
 * entity JSON this project writes nests a few levels, and SQLite's JSON functions give
 * up at 1,000 while JSON.stringify and structuredClone overflow the stack at a few
 * thousand (an entity nested 8,000 deep used to end in a 500).
 */
export const MAX_JSON_DEPTH = 100;

/** Ends a request with a prepared answer; `routeRequest` turns it into the response. */
export class HttpFailure extends Error {
  constructor(readonly response: Response) {
    super("http failure");
  }
}

export const fail = (status: number, error: string, message: string, headers: Record<string, string> = {}): never => {
  throw new HttpFailure(portError(status, error, message, headers));
};

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Frame | null;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f; f = f.parent) if (f.key !== null) keys.unshift(f.key);
  const shown = keys.slice(0, 6).map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`));
  return (shown.join("") || "body") + (keys.length > 6 ? "..." : "");
}

/**
 * Where `value` first nests deeper than `max` levels of arrays and objects, or null.
 * Iterative (an explicit stack), so no depth can overflow the call stack.
 */
export function tooDeepAt(value: unknown, max: number): string | null {
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (typeof frame.value !== "object" || frame.value === null) continue;
    const depth = frame.depth + 1;
    if (depth > max) return pathOf(frame);
    const entries: [string | number, unknown][] = Array.isArray(frame.value) ? frame.value.map((v, i) => [i, v]) : Object.entries(frame.value);
    for (const [key, child] of entries) {
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth, key, parent: frame });
    }
  }
  return null;
}

export async function readJsonBody(request: Request, maxBytes = BULK_MAX_BYTES): Promise<{ value: unknown; bytes: number }> {
  let text: string;
  try {
    text = await readBodyCapped(request, maxBytes);
  } catch (error) {
    // Past the bounded drain the connection is closed: the rest of the body is never read.
    if (error instanceof BodyTooLarge) fail(413, "payload_too_large", `The request body exceeds ${maxBytes} bytes.`, error.closeConnection ? { connection: "close" } : {});
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return fail(400, "invalid_json", "The request body is not valid JSON.");
  }
  const deep = tooDeepAt(value, MAX_JSON_DEPTH);
  if (deep) fail(400, "invalid_request", `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels (at ${deep}).`);
  return { value, bytes: Buffer.byteLength(text) };
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(422, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data as z.infer<S>;
}
