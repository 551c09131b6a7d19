"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useProjectMutations, type Project } from "./useProjects";

export function ProjectRow({ project }: { project: Project }) {
  const { rename, remove } = useProjectMutations();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(project.name);
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  function save(event: FormEvent) {
    event.preventDefault();
    const name = draft.trim();
    if (!name || name === project.name) {
      setEditing(false);
      setDraft(project.name);
      return;
    }
    rename.mutate({ id: project.id, name }, { onSuccess: () => setEditing(false) });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      setEditing(false);
      setDraft(project.name);
    }
  }

  return (
    <tr data-testid="project-row">
      <td>
        {editing ? (
          <form onSubmit={save} className="row">
            <input
              ref={input}
              type="text"
              aria-label={`New name for ${project.name}`}
              value={draft}
              maxLength={80}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="submit" className="primary" disabled={rename.isPending}>
              Save
            </button>
            <button type="button" onClick={() => (setEditing(false), setDraft(project.name))}>
              Cancel
            </button>
          </form>
        ) : (
          <Link href={`/projects/${project.id}`}>{project.name}</Link>
        )}
        {project.access !== "owner" && (
          <div className="muted" data-testid="shared-by">
            Shared by {project.ownerName} · {project.access === "read" ? "read only" : "can edit"}
          </div>
        )}
        {rename.error && (
          <div className="field-error" role="alert">
            {rename.error.message}
          </div>
        )}
      </td>
      <td className="muted">{new Date(project.createdAt).toLocaleString()}</td>
      <td className="actions">
        {/* Only the owner renames or deletes (the server refuses anyone else). */}
        {project.access === "owner" && !editing && (
          <button type="button" className="link" onClick={() => (setDraft(project.name), setEditing(true))}>
            Rename
          </button>
        )}
        {/* A refusal from an earlier try (a sync was running then) is not the answer to this one. */}
        {project.access === "owner" && (
          <button type="button" className="link danger" onClick={() => (remove.reset(), dialog.current?.showModal())}>
            Delete
          </button>
        )}
        {/* Inside td.actions (right-aligned, no wrap): the dialog sets its own text flow, or its words run out of the box. */}
        <dialog ref={dialog} aria-labelledby={`delete-title-${project.id}`} style={{ maxWidth: 560, whiteSpace: "normal", textAlign: "left" }}>
          <h2 id={`delete-title-${project.id}`}>Delete “{project.name}”?</h2>
          <p>
            The project and everything saved with it (connections, samples, steps, sync history and schedule) will be removed. What its syncs wrote to Port stays there. This cannot be undone.
          </p>
          {remove.error && (
            <div className="alert error" role="alert">
              {remove.error.message}
              {(remove.error as { hint?: string }).hint && <div className="muted">{(remove.error as { hint?: string }).hint}</div>}
            </div>
          )}
          <div className="row">
            <span className="spacer" />
            <button type="button" ref={cancelDelete} autoFocus onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button
              type="button"
              className="danger solid"
              disabled={remove.isPending}
              // The button disables itself while the request runs, which drops the focus out of the
              // dialog; a refusal (a sync running) brings it back to Cancel, beside the reason.
              onClick={() => remove.mutate(project.id, { onSuccess: () => dialog.current?.close(), onError: () => cancelDelete.current?.focus() })}
            >
              Delete project
            </button>
          </div>
        </dialog>
      </td>
    </tr>
  );
}
