"use client";

import styles from "./admin.module.css";
import { useInvitations, usePeopleMutations } from "./usePeople";

/** Invitations not used yet: who, which role, until when; revoke stops the link at once. */
export function InvitationList() {
  const invitations = useInvitations();
  const { revoke } = usePeopleMutations();
  if (invitations.isPending) return <p className="muted">Loading invitations…</p>;
  if (invitations.error) return <div className="alert error" role="alert">Could not load invitations: {invitations.error.message}</div>;
  return (
    <section className={styles.section} aria-labelledby="pending-title">
      <h2 id="pending-title">Pending invitations</h2>
      {invitations.data.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="list" data-testid="pending-invitations">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Expires</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((inv) => {
              const expired = inv.expired;
              return (
                <tr key={inv.id}>
                  <td>{inv.name}</td>
                  <td>{inv.email}</td>
                  <td>{inv.role === "admin" ? "Administrator" : "Member"}</td>
                  <td className={expired ? "field-error" : "muted"}>{expired ? "Expired: invite again for a new link" : new Date(inv.expiresAt).toLocaleString()}</td>
                  <td className="actions">
                    <button type="button" className="link danger" disabled={revoke.isPending} onClick={() => revoke.mutate(inv.id)} aria-label={`Revoke the invitation for ${inv.email}`}>
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {revoke.error && <div className="alert error" role="alert">{revoke.error.message}</div>}
    </section>
  );
}
