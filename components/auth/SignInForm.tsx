"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  TooManyAttempts: "Too many wrong passwords for this email. Wait 15 minutes, then try again.",
  Busy: "Too many sign-ins are being checked right now. Try again in a moment.",
  AccessDenied: "This Microsoft account is not linked to anyone here. Ask an administrator for an invitation: they link your Entra object id to it.",
  SessionRequired: "Please sign in to continue.",
  SessionEnded: "Your session ended (it expired, you signed out elsewhere, or your access was removed). Sign in again, or ask an administrator if you should still have access.",
};

export function SignInForm({ callbackUrl, entraEnabled, initialError }: { callbackUrl: string; entraEnabled: boolean; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError ? (ERRORS[initialError] ?? "Sign-in failed. Try again.") : null);
  const [pending, setPending] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (!result || result.error) {
        setError(ERRORS[result?.error ?? ""] ?? "Sign-in failed. Try again.");
        setPassword("");
        // Keyboard users retype the password straight away.
        passwordInput.current?.focus();
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("The server could not be reached. Check that the builder is running.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input ref={passwordInput} id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={pending || !email || !password}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {entraEnabled && (
        <p>
          <button type="button" onClick={() => void signIn("azure-ad", { callbackUrl })}>
            Sign in with Microsoft Entra ID
          </button>
        </p>
      )}
    </form>
  );
}
