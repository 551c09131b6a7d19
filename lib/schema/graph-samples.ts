/**
 * Reading sampled Graph responses: the items of a page, and the resource kind its
 * `@odata.context` names. Samples are stored raw, so every shape is checked here.
 */
import { AppError } from "../errors";

/** `https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)` -> `/users`; null when it names no entity set. */
export function kindFromContext(context: unknown): string | null {
  if (typeof context !== "string") return null;
  const hash = context.indexOf("#");
  if (hash < 0) return null;
  const set = context
    .slice(hash + 1)
    .replace(/\([^)]*\)/g, "") // the $select list, or a key
    .replace(/\/\$(entity|delta)$/, "");
  // `#Collection(Edm.String)` names a type, not an entity set.
  return /^[A-Za-z][A-Za-z0-9]*$/.test(set) && set !== "Collection" ? `/${set}` : null;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * The items of one sampled body: a Graph page (`{"value":[...]}`) gives its `value`, a JSON
 * array is taken as the items themselves, and any other object is one entity (as
 * `GET /users/{id}` returns it, without its `@odata.context`). `where` names the body in
 * errors (a file and line, a sample id).
 */
export function itemsOfBody(body: unknown, where: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body !== "object" || body === null) {
    throw new AppError("sample_not_a_response", `${where} is ${describe(body)}, not a Graph response`, {
      hint: 'Give a Graph response body ({"value":[...]}), a JSON array of items, or one object.',
      status: 400,
    });
  }
  const record = body as Record<string, unknown>;
  const error = record.error as { code?: unknown; message?: unknown } | undefined;
  if (!("value" in record) && typeof error === "object" && error !== null && typeof error.code === "string") {
    throw new AppError("sample_is_error", `${where} is a Graph error response (${error.code}: ${String(error.message ?? "")}), not data`, {
      hint: "Fix the request in Explore and sample it again.",
      status: 400,
    });
  }
  if ("value" in record) {
    if (Array.isArray(record.value)) return record.value;
    throw new AppError("sample_value_not_array", `${where}: "value" is ${describe(record.value)}; a Graph page holds an array there`, {
      hint: "Sample a collection endpoint (e.g. /users), or give the items as a JSON array.",
      status: 400,
    });
  }
  const { ["@odata.context"]: _context, ...entity } = record;
  return [entity];
}
