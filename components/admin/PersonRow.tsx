"use client";

import { useRef } from "react";
import { EntraIdDialog } from "./EntraIdDialog";
import { RemovePersonDialog } from "./RemovePersonDialog";
import { usePeopleMutations, type Person, type Role } from "./usePeople";

/** One person: role select, Entra link, Remove (not for yourself). */
export function PersonRow({ person, isYou }: { person: Person; isYou: boolean }) {
  const { update } = usePeopleMutations();
  const removeDialog = useRef<HTMLDialogElement>(null);
  const entraDialog = useRef<HTMLDialogElement>(null);
  return (
    <tr data-testid="person-row" data-email={person.email}>
      <td>
        {person.name}
        {isYou && <span className="muted"> (you)</span>}
      </td>
      <td>{person.email}</td>
      <td>
        <label htmlFor={`role-${person.id}`} style={{ position: "absolute", left: -9999 }}>
          Role of {person.name}
        </label>
        <select
          id={`role-${person.id}`}
          value={person.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: person.id, role: e.target.value as Role })}
        >
          <option value="admin">Administrator</option>
          <option value="member">Member</option>
        </select>
        {update.error && (
          <div className="field-error" role="alert">
            {update.error.message}
          </div>
        )}
      </td>
      <td>
        <button type="button" className="link" onClick={() => entraDialog.current?.showModal()} aria-label={`Microsoft sign-in for ${person.name}`}>
          {person.entraLinked ? "Linked" : "Not linked"}
        </button>
        <EntraIdDialog ref={entraDialog} person={person} onDone={() => entraDialog.current?.close()} />
      </td>
      <td className="muted">{new Date(person.createdAt).toLocaleDateString()}</td>
      <td className="actions">
        {!isYou && (
          <>
            <button type="button" className="link danger" onClick={() => removeDialog.current?.showModal()}>
              Remove
            </button>
            <RemovePersonDialog ref={removeDialog} person={person} onDone={() => removeDialog.current?.close()} />
          </>
        )}
      </td>
    </tr>
  );
}
