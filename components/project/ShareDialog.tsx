"use client";

import { useRef, useState, type FormEvent } from "react";
import { SHARE_HINT, sharePersonPlaceholder } from "./share-words";
import { useShareMutations, useShares } from "./useShares";

/** The owner's Share button and dialog: pick a person, read or edit; change or stop sharing. */
export function ShareDialog({ projectId, projectName }: { projectId: string; projectName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const personSelect = useRef<HTMLSelectElement>(null);
  const [open, setOpen] = useState(false);
  const shares = useShares(projectId, open);
  const { share, revoke } = useShareMutations(projectId);
  const [email, setEmail] = useState("");
  const [access, setAccess] = useState<"read" | "edit">("read");
  const shared = new Set(shares.data?.shares.map((s) => s.email));
  const candidates = (shares.data?.candidates ?? []).filter((c) => !shared.has(c.email));

  function onShare(event: FormEvent) {
    event.preventDefault();
    if (!email) return;
    share.mutate({ email, access }, { onSuccess: () => (setEmail(""), keepFocusInDialog()) });
  }
  // The Share button disables itself once the person is cleared, and a removed row takes its
  // button away: either would drop the keyboard focus out of the dialog, so bring it back.
  const keepFocusInDialog = () => requestAnimationFrame(() => personSelect.current?.focus());
  const close = () => (dialog.current?.close(), setOpen(false));

  return (
    <>
      <button type="button" onClick={() => (setOpen(true), dialog.current?.showModal())} data-testid="share-button">
        Share
      </button>
      <dialog ref={dialog} aria-labelledby="share-title" onClose={() => setOpen(false)} style={{ maxWidth: 560 }}>
        <h2 id="share-title">Share “{projectName}”</h2>
        {shares.error && <div className="alert error" role="alert">{shares.error.message}</div>}
        <form onSubmit={onShare} className="row" aria-label="Share with a person">
          <label htmlFor="share-person" style={{ position: "absolute", left: -9999 }}>
            Person
          </label>
          <select id="share-person" ref={personSelect} value={email} onChange={(e) => setEmail(e.target.value)} style={{ flex: 1 }}>
            <option value="">{sharePersonPlaceholder(Boolean(shares.data), candidates.length, shares.data?.shares.length ?? 0)}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.email}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>
          <label htmlFor="share-access" style={{ position: "absolute", left: -9999 }}>
            Access
          </label>
          <select id="share-access" value={access} onChange={(e) => setAccess(e.target.value as "read" | "edit")}>
            <option value="read">Can view</option>
            <option value="edit">Can edit</option>
          </select>
          <button type="submit" className="primary" disabled={!email || share.isPending}>
            Share
          </button>
        </form>
        {(share.error || revoke.error) && (
          <div className="alert error" role="alert">
            {(share.error ?? revoke.error)!.message}
          </div>
        )}
        <p className="muted">{SHARE_HINT}</p>
        <ul data-testid="share-list" style={{ listStyle: "none", padding: 0 }}>
          {shares.data?.shares.length === 0 && <li className="muted">Not shared with anyone yet.</li>}
          {shares.data?.shares.map((s) => (
            <li key={s.userId} className="row" style={{ padding: "6px 0" }}>
              <span style={{ flex: 1 }}>
                {s.name} <span className="muted">{s.email}</span>
              </span>
              <label htmlFor={`share-level-${s.userId}`} style={{ position: "absolute", left: -9999 }}>
                Access of {s.name}
              </label>
              <select id={`share-level-${s.userId}`} value={s.access} onChange={(e) => share.mutate({ email: s.email, access: e.target.value as "read" | "edit" })}>
                <option value="read">Can view</option>
                <option value="edit">Can edit</option>
              </select>
              <button type="button" className="link danger" onClick={() => revoke.mutate(s.userId, { onSuccess: keepFocusInDialog })} aria-label={`Stop sharing with ${s.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      </dialog>
    </>
  );
}
