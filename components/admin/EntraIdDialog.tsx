"use client";

import { forwardRef, useState, type FormEvent } from "react";
import { usePeopleMutations, type Person } from "./usePeople";

/** Links (or unlinks) the Entra object id a person signs in with. */
export const EntraIdDialog = forwardRef<HTMLDialogElement, { person: Person; onDone: () => void }>(function EntraIdDialog({ person, onDone }, ref) {
  const { update } = usePeopleMutations();
  const [value, setValue] = useState(person.entraObjectId ?? "");
  function save(event: FormEvent, entraObjectId: string | null) {
    event.preventDefault();
    update.mutate({ id: person.id, entraObjectId }, { onSuccess: onDone });
  }
  return (
    <dialog ref={ref} aria-labelledby={`entra-title-${person.id}`} style={{ whiteSpace: "normal", textAlign: "left" }}>
      <form onSubmit={(e) => save(e, value.trim())}>
        <h2 id={`entra-title-${person.id}`}>Microsoft sign-in for {person.name}</h2>
        <p className="muted">“Sign in with Microsoft” signs in the Entra account with this object id, never by its email. Find it in Entra ID → Users → the person → Object ID.</p>
        <div className="field">
          <label htmlFor={`entra-${person.id}`}>Entra object id</label>
          <input id={`entra-${person.id}`} type="text" value={value} onChange={(e) => setValue(e.target.value)} placeholder="0a1b2c3d-…" />
        </div>
        {update.error && (
          <div className="alert error" role="alert">
            {update.error.message.replace(/^\w+: /, "")}
          </div>
        )}
        <div className="row">
          {person.entraLinked && (
            <button type="button" className="link danger" onClick={(e) => save(e, null)}>
              Unlink
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={update.isPending || !value.trim()}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
});
