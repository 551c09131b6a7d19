/**
 * Reading the Explore API's answers. `apiFetch` treats any body with an `error` field as a
 * failure, but an ExploreResponse carries Graph's error as data (status, headers, body,
 * hint) with HTTP 200, and the fetch-all answer is a stream: both need the response
 * itself, so these calls read it here and turn only the app's own errors into ApiError.
 */
import { ApiError } from "../api";

interface ErrorBody {
  error?: { code?: string; message?: string; hint?: string; location?: { path?: string } };
}

/** The ApiError for a non-2xx answer of the app's API (`{error:{code,message,hint}}`). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const e = body?.error;
  return new ApiError(response.status, e?.code ?? "http_error", e?.message ?? `Request failed with HTTP ${response.status}`, e?.hint, e?.location?.path);
}

/** After a 401 the session is gone: sign in again and come back (what apiFetch does). */
function signInAgain(): void {
  if (typeof window === "undefined") return;
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
}

/** POSTs JSON; returns the response when it is 2xx, throws the app's error otherwise. */
export async function postJson(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  if (response.ok) return response;
  if (response.status === 401) signInAgain();
  throw await apiErrorOf(response);
}
