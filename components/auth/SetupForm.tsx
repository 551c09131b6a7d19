"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "../api";

type Field = "name" | "email" | "password" | "confirm";

export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", password: "", confirm: "" });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null);
  const [pending, setPending] = useState(false);

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  function validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!values.name.trim()) errors.name = "Enter a name";
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = "Enter a valid email address";
    if (values.password.length < minPasswordLength) errors.password = `Use at least ${minPasswordLength} characters`;
    if (values.confirm !== values.password) errors.confirm = "The passwords do not match";
    return errors;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length > 0) return;
    setPending(true);
    try {
      await apiFetch("/api/setup", {
        method: "POST",
        body: JSON.stringify({ name: values.name, email: values.email, password: values.password }),
      });
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error) {
        router.replace("/signin");
        return;
      }
      router.replace("/projects");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.field && e.field in values) setFieldErrors({ [e.field as Field]: e.message.replace(/^\w+: /, "") });
      else setError(e instanceof ApiError ? { message: e.message, hint: e.hint } : { message: "The server could not be reached." });
    } finally {
      setPending(false);
    }
  }

  const fieldProps = (field: Field) => ({
    id: field,
    value: values[field],
    onChange: set(field),
    "aria-invalid": fieldErrors[field] ? true : undefined,
    "aria-describedby": fieldErrors[field] ? `${field}-error` : undefined,
  });
  const fieldError = (field: Field) =>
    fieldErrors[field] ? (
      <span className="field-error" id={`${field}-error`}>
        {fieldErrors[field]}
      </span>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert error" role="alert">
          {error.message}
          {error.hint && <span className="hint">{error.hint}</span>}
        </div>
      )}
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input type="text" autoComplete="name" autoFocus {...fieldProps("name")} />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input type="email" autoComplete="username" {...fieldProps("email")} />
        {fieldError("email")}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input type="password" autoComplete="new-password" {...fieldProps("password")} />
        <span className="help">At least {minPasswordLength} characters.</span>
        {fieldError("password")}
      </div>
      <div className="field">
        <label htmlFor="confirm">Confirm password</label>
        <input type="password" autoComplete="new-password" {...fieldProps("confirm")} />
        {fieldError("confirm")}
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Creating…" : "Create account and sign in"}
      </button>
    </form>
  );
}
