"use client";

import { useState, type FormEvent } from "react";
import { ApiError } from "../api";
import styles from "./admin.module.css";
import { CreatedLink } from "./CreatedLink";
import { missingInviteField, pendingInvitationFor, type InviteProblem } from "./invite-checks";
import { useInvitations, usePeopleMutations, type Invitation, type InviteInput, type Role } from "./usePeople";

const EMPTY: InviteInput = { email: "", name: "", role: "member", entraObjectId: "" };

/** Invite someone: their address, name, role and (optionally) the Entra object id they sign in with. */
export function InviteForm() {
  const { invite } = usePeopleMutations();
  const pending = useInvitations();
  const [values, setValues] = useState<InviteInput>(EMPTY);
  const [missing, setMissing] = useState<InviteProblem | null>(null);
  // The pending invitation the last one replaced: its link no longer works, so say so.
  const [replaced, setReplaced] = useState<Invitation | null>(null);
  // Editing a field takes back the problem shown for the last attempt.
  const set = (field: keyof InviteInput) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setMissing(null);
    if (invite.error) invite.reset();
  };
  const error = invite.error instanceof ApiError ? invite.error : null;
  const problemField = missing?.field ?? error?.field;
  const fieldError = (field: string) => {
    if (missing?.field === field) return <span className="field-error" id={`invite-${field}-error`}>{missing.message}</span>;
    if (error?.field !== field) return null;
    return (
      <span className="field-error" id={`invite-${field}-error`}>
        {error.message.replace(/^\w+: /, "")}
        {error.hint && <span className="hint"> {error.hint}</span>}
      </span>
    );
  };
  const invalid = (field: string) => (problemField === field ? { "aria-invalid": true, "aria-describedby": `invite-${field}-error` } : {});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = missingInviteField(values);
    setMissing(problem);
    if (problem) {
      document.getElementById(`invite-${problem.field}`)?.focus();
      return;
    }
    const earlier = pendingInvitationFor(pending.data, values.email);
    invite.mutate(values, {
      onSuccess: () => {
        setReplaced(earlier);
        setValues(EMPTY);
      },
    });
  }

  return (
    <section className={styles.section} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      {/* noValidate: the problems are said under their field, like every other form here. */}
      <form onSubmit={onSubmit} className={styles.form} aria-label="Invite someone" noValidate>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" type="email" autoComplete="off" value={values.email} onChange={set("email")} {...invalid("email")} />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor="invite-name">Name</label>
          <input id="invite-name" type="text" autoComplete="off" maxLength={100} value={values.name} onChange={set("name")} {...invalid("name")} />
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
          <input
            id="invite-oid"
            type="text"
            placeholder="0a1b2c3d-…"
            value={values.entraObjectId}
            onChange={set("entraObjectId")}
            aria-invalid={problemField === "entraObjectId" || undefined}
            aria-describedby={problemField === "entraObjectId" ? "invite-oid-help invite-entraObjectId-error" : "invite-oid-help"}
          />
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
      {invite.data && <CreatedLink created={invite.data} replaced={replaced} />}
    </section>
  );
}
