/**
 * The process's one sign-in attempt limiter and one password-hash gate, shared by the
 * sign-in route and first-run setup. On globalThis: Next bundles each route separately,
 * and a bound per bundle would be no bound.
 */
import { createAttemptLimiter, type AttemptLimiter } from "./attempts";
import { createHashGate, type HashGate } from "./hash-gate";

export interface SignInLimits {
  attempts: AttemptLimiter;
  gate: HashGate;
}

const holder = globalThis as { __entraPortSignInLimits?: SignInLimits };

export function signInLimits(): SignInLimits {
  holder.__entraPortSignInLimits ??= { attempts: createAttemptLimiter(), gate: createHashGate() };
  return holder.__entraPortSignInLimits;
}
