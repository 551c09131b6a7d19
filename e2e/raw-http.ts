/**
 * HTTP with what Playwright's request context cannot set: any Host header, any Origin,
 * a raw path, and the local address the request leaves from (127.0.0.2, 127.0.0.3...:
 * to the server these are different clients).
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** `name=value` of every Set-Cookie. */
  cookies: string[];
  json<T = Record<string, unknown>>(): T;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Source address on the loopback network (Linux routes all of 127.0.0.0/8 there). */
  from?: string;
}

/** One request to `origin` + `path` (the path is sent as given, not normalised). */
export function raw(origin: string, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: url.port,
        method: options.method ?? "GET",
        path,
        localAddress: options.from,
        headers: { host: url.host, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
            json: <T>() => JSON.parse(body) as T,
          });
        });
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A credentials sign-in exactly as next-auth's client sends it (CSRF cookie + token, json=true). */
export async function signInOverHttp(origin: string, email: string, password: string, from?: string): Promise<RawResponse & { session?: string }> {
  const csrf = await raw(origin, "/api/auth/csrf", { from });
  const { csrfToken } = csrf.json<{ csrfToken: string }>();
  const response = await raw(origin, "/api/auth/callback/credentials", {
    method: "POST",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookies.join("; ") },
    body: form({ csrfToken, email, password, json: "true" }),
  });
  const session = response.cookies.find((c) => c.startsWith("next-auth.session-token="));
  return { ...response, session: session ? [session, ...csrf.cookies].join("; ") : undefined };
}

/** The next-auth sign-out the Sign out button sends. */
export async function signOutOverHttp(origin: string, cookie: string): Promise<RawResponse> {
  const csrf = await raw(origin, "/api/auth/csrf", { headers: { cookie } });
  const { csrfToken } = csrf.json<{ csrfToken: string }>();
  return raw(origin, "/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie, ...csrf.cookies].join("; ") },
    body: form({ csrfToken, json: "true" }),
  });
}

export { form };
