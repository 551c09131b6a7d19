"use client";

import { forwardRef } from "react";
import { usePeopleMutations, type Person } from "./usePeople";

/** The confirm for removing a person: says where their projects go and that their sign-in stops now. */
export const RemovePersonDialog = forwardRef<HTMLDialogElement, { person: Person; onDone: () => void }>(function RemovePersonDialog({ person, onDone }, ref) {
  const { remove } = usePeopleMutations();
  const projects = person.projectCount === 1 ? "their 1 project" : `their ${person.projectCount} projects`;
  return (
    // Inside a table cell that right-aligns and does not wrap: the dialog sets its own text flow.
    <dialog ref={ref} aria-labelledby={`remove-title-${person.id}`} style={{ whiteSpace: "normal", textAlign: "left" }}>
      <h2 id={`remove-title-${person.id}`}>Remove {person.name}?</h2>
      <p>
        {person.email} will be signed out at once and can no longer sign in.{" "}
        {person.projectCount > 0 ? `You will become the owner of ${projects}, so no work is lost.` : "They own no projects."} Projects shared with them are
        no longer shared.
      </p>
      {remove.error && (
        <div className="alert error" role="alert">
          {remove.error.message}
        </div>
      )}
      <div className="row">
        <span className="spacer" />
        <button type="button" autoFocus onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="danger solid" disabled={remove.isPending} onClick={() => remove.mutate(person.id, { onSuccess: onDone })}>
          Remove {person.name}
        </button>
      </div>
    </dialog>
  );
});
