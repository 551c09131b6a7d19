import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectAccessGate } from "@/components/project/ProjectAccessGate";
import { ShareDialog } from "@/components/project/ShareDialog";
import { StepRail } from "@/components/project/StepRail";
import styles from "@/components/project/project.module.css";
import { isAppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/current";
import { db } from "@/lib/server/db";
import { getProject } from "@/lib/server/projects";

export const dynamic = "force-dynamic";

/** Every step page of a project: its name, the step rail, the step. */
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const project = await getProject(db(), user.id, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  return (
    <div data-wide>
      <div className={styles.header}>
        <Link href="/projects">← Projects</Link>
        <h1 data-testid="project-name">{project.name}</h1>
        <div className={styles.headerActions}>
          {project.access === "owner" ? (
            <ShareDialog projectId={project.id} projectName={project.name} />
          ) : (
            <span className="muted" data-testid="project-owner">
              Shared by {project.ownerName} · {project.access === "read" ? "read only" : "can edit"}
            </span>
          )}
        </div>
      </div>
      <div className={styles.layout}>
        <StepRail projectId={project.id} />
        <ProjectAccessGate projectId={project.id} initial={{ access: project.access, ownerName: project.ownerName }}>
          <div>{children}</div>
        </ProjectAccessGate>
      </div>
    </div>
  );
}
