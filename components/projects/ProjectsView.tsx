"use client";

import { useState, type FormEvent } from "react";
import { ProjectRow } from "./ProjectRow";
import { useProjectMutations, useProjects } from "./useProjects";

export function ProjectsView() {
  const projects = useProjects();
  const { create } = useProjectMutations();
  const [name, setName] = useState("");

  function onCreate(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name, { onSuccess: () => setName("") });
  }

  return (
    <div className="panel">
      <h1>Projects</h1>
      <p className="muted">A project holds a Microsoft Graph connection, a Port connection, samples, mappings and sync runs.</p>
      <form onSubmit={onCreate} className="row" aria-label="Create project" style={{ marginBottom: 16 }}>
        <label htmlFor="new-project-name" className="sr-only" style={{ position: "absolute", left: -9999 }}>
          New project name
        </label>
        <input
          id="new-project-name"
          type="text"
          placeholder="New project name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          style={{ flex: 1 }}
        />
        <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? "Creating…" : "Create project"}
        </button>
      </form>
      {create.error && (
        <div className="alert error" role="alert">
          {create.error.message}
        </div>
      )}
      {projects.isPending && <p className="muted">Loading projects…</p>}
      {projects.error && (
        <div className="alert error" role="alert">
          Could not load projects: {projects.error.message}
        </div>
      )}
      {projects.data && projects.data.length === 0 && (
        <p className="muted" data-testid="no-projects">
          No projects yet. Create one above, or ask a colleague to share theirs: projects shared with you appear here too.
        </p>
      )}
      {projects.data && projects.data.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Created</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {projects.data.map((p) => (
              <ProjectRow key={p.id} project={p} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
