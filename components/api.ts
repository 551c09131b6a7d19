/**
 * Browser-side calls to the app's API. Errors arrive as `{error:{code,message,hint}}`;
 * `ApiError` keeps them so forms can show the message and the hint.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const response = await fetch(path, { ...init, headers });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: { code: string; message: string; hint?: string; location?: { path?: string } } })
    | null;
  if (!response.ok || body?.error) {
    const e = body?.error;
    if (response.status === 401 && typeof window !== "undefined") {
      // The session is gone: a full navigation (not router.push) drops all client state.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `Request failed with HTTP ${response.status}`, e?.hint, e?.location?.path);
  }
  return body as T;
}
