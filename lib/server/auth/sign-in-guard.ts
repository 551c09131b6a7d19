/**
 * What runs before next-auth checks an email and password (POST
 * /api/auth/callback/credentials): the form must be small, the email of a length an
 * address can have, this client must not be over its guessing limits
 * (lib/server/auth/attempts.ts), and a password-hash slot must be free
 * (lib/server/auth/hash-gate.ts). Refusals are 4xx JSON that next-auth's client reads
 * like its own answers (a `url` whose `error` names the reason for the sign-in form).
 * Afterwards the outcome is counted: a wrong password as a failure, a new session as a
 * success; anything else (a stale CSRF token, say) as neither.
 */
import type { AppErrorShape } from "../../errors";
import { readLimitedText } from "../../net/body";
import { clientAddress, limitKeyOf } from "../client-address";
import { HASH_GATE_RETRY_AFTER_SECONDS } from "./hash-gate";
import { signInLimits, type SignInLimits } from "./limits";
import { MAX_EMAIL_LENGTH } from "./users";

export const MAX_SIGN_IN_FORM_BYTES = 16 * 1024;
/** bcrypt reads 72 bytes; a longer password field is not a password typed by a person. */
const MAX_PASSWORD_LENGTH = 1024;

/** Error names the sign-in form explains (components/auth/SignInForm.tsx). */
export const SIGN_IN_ERRORS = { tooManyAttempts: "TooManyAttempts", busy: "Busy", invalidInput: "CredentialsSignin" } as const;

function refuse(request: Request, status: number, formError: string, error: AppErrorShape, retryAfterSeconds?: number): Response {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  if (retryAfterSeconds !== undefined) headers.set("retry-after", String(retryAfterSeconds));
  const url = new URL(`/signin?error=${formError}`, request.url).href;
  return new Response(JSON.stringify({ error, url }), { status, headers });
}

/** The request's urlencoded form, read from a copy (next-auth reads the original); null when too large. */
async function readSmallForm(request: Request): Promise<URLSearchParams | null> {
  const text = await readLimitedText(request.clone(), MAX_SIGN_IN_FORM_BYTES);
  return text === null ? null : new URLSearchParams(text);
}

type Outcome = "wrong-credentials" | "signed-in" | "other";

async function outcomeOf(response: Response): Promise<Outcome> {
  // A new session is the one sure sign of success: a redirect without an error can also
  // be next-auth's answer to a missing CSRF token.
  if (response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=./.test(c))) return "signed-in";
  let target = response.headers.get("location");
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    target = ((await response.clone().json()) as { url?: string }).url ?? null;
  }
  if (!target) return "other";
  try {
    return new URL(target, "http://x.invalid").searchParams.get("error") === "CredentialsSignin" ? "wrong-credentials" : "other";
  } catch {
    return "other";
  }
}

export interface SignInGuardOptions {
  limits?: SignInLimits;
  /** Who is asking; the stamped socket address by default. */
  clientOf?: (request: Request) => string;
}

export async function guardCredentialsSignIn(
  request: Request,
  signIn: (request: Request) => Promise<Response>,
  { limits = signInLimits(), clientOf = (r) => clientAddress(r.headers) }: SignInGuardOptions = {},
): Promise<Response> {
  const form = await readSmallForm(request);
  if (!form) {
    return refuse(request, 413, SIGN_IN_ERRORS.invalidInput, {
      code: "request_too_large",
      message: `The sign-in form is larger than ${MAX_SIGN_IN_FORM_BYTES} bytes.`,
      hint: "Send only the email and password fields.",
    });
  }
  const email = (form.get("email") ?? "").trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || (form.get("password") ?? "").length > MAX_PASSWORD_LENGTH) {
    return refuse(request, 400, SIGN_IN_ERRORS.invalidInput, {
      code: "invalid_credentials_input",
      message: `The email (at most ${MAX_EMAIL_LENGTH} characters) or the password (at most ${MAX_PASSWORD_LENGTH}) is too long.`,
      hint: "Check the email address and password.",
    });
  }
  const client = clientOf(request);
  const waitMs = limits.attempts.retryAfterMs(email, client);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    return refuse(
      request,
      429,
      SIGN_IN_ERRORS.tooManyAttempts,
      {
        code: "too_many_attempts",
        message: "Too many wrong passwords for this email from this address.",
        hint: `Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
      },
      Math.ceil(waitMs / 1000),
    );
  }
  // One IPv6 /64 is one client here too (limitKeyOf), as for the guessing limits.
  const release = limits.gate.tryEnter(limitKeyOf(client));
  if (!release) {
    return refuse(
      request,
      429,
      SIGN_IN_ERRORS.busy,
      { code: "busy", message: "Too many sign-ins are being checked at once.", hint: "Try again in a moment." },
      HASH_GATE_RETRY_AFTER_SECONDS,
    );
  }
  let response: Response;
  try {
    response = await signIn(request);
  } finally {
    release();
  }
  const outcome = await outcomeOf(response);
  if (outcome === "wrong-credentials") limits.attempts.recordFailure(email, client);
  else if (outcome === "signed-in") limits.attempts.recordSuccess(email, client);
  return response;
}
