"use client";

import { InvitationList } from "./InvitationList";
import { InviteForm } from "./InviteForm";
import { PersonRow } from "./PersonRow";
import { usePeople } from "./usePeople";

/** The administrators' people page: who can sign in, inviting, pending invitations. */
export function PeopleView() {
  const people = usePeople();
  return (
    <div className="panel">
      <h1>People</h1>
      <p className="muted">Members see their own projects and those shared with them. Administrators also manage people here.</p>
      {people.isPending && <p className="muted">Loading people…</p>}
      {people.error && (
        <div className="alert error" role="alert">
          Could not load people: {people.error.message}
        </div>
      )}
      {people.data && (
        <table className="list" data-testid="people-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Microsoft sign-in</th>
              <th>Added</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {people.data.people.map((p) => (
              <PersonRow key={p.id} person={p} isYou={p.id === people.data.you} />
            ))}
          </tbody>
        </table>
      )}
      <InviteForm />
      <InvitationList />
    </div>
  );
}
