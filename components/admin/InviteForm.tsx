"use client";

import { useState, type FormEvent } from "react";
import { ApiError } from "../api";
import styles from "./admin.module.css";
import { CreatedLink } from "./CreatedLink";
import { usePeopleMutations, type InviteInput, type Role } from "./usePeople";

const EMPTY: InviteInput = { email: "", name: "", role: "member", entraObjectId: "" };

/** Invite someone: their address, name, role and (optionally) the Entra object id they sign in with. */
export function InviteForm() {
  const { invite } = usePeopleMutations();
  const [values, setValues] = useState<InviteInput>(EMPTY);
  const set = (field: keyof InviteInput) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const error = invite.error instanceof ApiError ? invite.error : null;
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span className="field-error" id={`invite-${field}-error`}>
        {error.message.replace(/^\w+: /, "")}
      </span>
    ) : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(values, { onSuccess: () => setValues(EMPTY) });
  }

  return (
    <section className={styles.section} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form onSubmit={onSubmit} className={styles.form} aria-label="Invite someone">
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" type="email" required value={values.email} onChange={set("email")} aria-invalid={error?.field === "email" || undefined} aria-describedby={error?.field === "email" ? "invite-email-error" : undefined} />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor="invite-name">Name</label>
          <input id="invite-name" type="text" required maxLength={100} value={values.name} onChange={set("name")} />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={values.role} onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as Role }))}>
            <option value="member">Member: their own projects and those shared with them</option>
            <option value="admin">Administrator: also manages people</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-oid">Entra object id (optional)</label>
          <input id="invite-oid" type="text" placeholder="0a1b2c3d-…" value={values.entraObjectId} onChange={set("entraObjectId")} aria-describedby="invite-oid-help" />
          <span className="help" id="invite-oid-help">
            Lets them use “Sign in with Microsoft”. Entra ID → Users → the person → Object ID.
          </span>
          {fieldError("entraObjectId")}
        </div>
        <div className={`${styles.wide} row`}>
          <button type="submit" className="primary" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Create invitation link"}
          </button>
        </div>
      </form>
      {invite.error && !error?.field && (
        <div className="alert error" role="alert">
          {invite.error.message}
          {error?.hint && <span className="hint">{error.hint}</span>}
        </div>
      )}
      {invite.data && <CreatedLink created={invite.data} />}
    </section>
  );
}
