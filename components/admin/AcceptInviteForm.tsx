"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "../api";

/** The invited person chooses their name and password; then they are signed in. */
export function AcceptInviteForm({ token, email, name, minPasswordLength }: { token: string; email: string; name: string; minPasswordLength: number }) {
  const router = useRouter();
  const [values, setValues] = useState({ name, password: "", confirm: "" });
  const [problem, setProblem] = useState<{ field?: "name" | "password" | "confirm"; message: string; hint?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) return setProblem({ field: "name", message: "Enter a name" });
    if (values.password.length < minPasswordLength) return setProblem({ field: "password", message: `Use at least ${minPasswordLength} characters` });
    if (values.confirm !== values.password) return setProblem({ field: "confirm", message: "The passwords do not match" });
    setProblem(null);
    setPending(true);
    try {
      await apiFetch(`/api/invitations/${encodeURIComponent(token)}`, { method: "POST", body: JSON.stringify({ name: values.name, password: values.password }) });
      const result = await signIn("credentials", { email, password: values.password, redirect: false });
      router.replace(!result || result.error ? "/signin" : "/projects");
      router.refresh();
    } catch (e) {
      setProblem(e instanceof ApiError ? { message: e.message, hint: e.hint } : { message: "The server could not be reached." });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (field: "name" | "password" | "confirm") =>
    problem?.field === field ? (
      <span className="field-error" id={`${field}-error`}>
        {problem.message}
      </span>
    ) : null;
  const described = (field: "name" | "password" | "confirm") => (problem?.field === field ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accept the invitation">
      {problem && !problem.field && (
        <div className="alert error" role="alert">
          {problem.message}
          {problem.hint && <span className="hint">{problem.hint}</span>}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" value={email} readOnly />
      </div>
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input id="name" type="text" autoComplete="name" value={values.name} onChange={set("name")} {...described("name")} />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="new-password" autoFocus value={values.password} onChange={set("password")} {...described("password")} />
        <span className="help">At least {minPasswordLength} characters.</span>
        {fieldError("password")}
      </div>
      <div className="field">
        <label htmlFor="confirm">Confirm password</label>
        <input id="confirm" type="password" autoComplete="new-password" value={values.confirm} onChange={set("confirm")} {...described("confirm")} />
        {fieldError("confirm")}
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Creating your account…" : "Create my account and sign in"}
      </button>
    </form>
  );
}
