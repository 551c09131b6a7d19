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

interface ErrorBody {
  error?: { code?: string; message?: string; hint?: string; location?: { path?: string } };
}

/** The ApiError of a non-2xx answer. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const e = body?.error;
  return new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `Request failed with HTTP ${response.status}`, e?.hint, e?.location?.path);
}

/** The response of a 2xx answer (for streams); anything else throws its ApiError. */
export async function apiResponse(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const response = await fetch(path, { ...init, headers });
  if (response.ok) return response;
  if (response.status === 401 && typeof window !== "undefined") {
    // The session is gone: a full navigation (not router.push) drops all client state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/signin?error=SessionEnded&callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
  throw await apiErrorOf(response);
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await apiResponse(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
