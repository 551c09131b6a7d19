import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/current";
import { db } from "@/lib/server/db";
import { getProject } from "@/lib/server/projects";

export const metadata: Metadata = { title: "Project" };

const STEPS = ["Connect", "Explore", "Fields", "Blueprints", "Mapping", "Export", "Sync"];

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const project = await getProject(db(), user.id, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="panel">
      <p>
        <Link href="/projects">← Projects</Link>
      </p>
      <h1>{project.name}</h1>
      <p className="muted">Created {new Date(project.createdAt).toLocaleString()}</p>
      <h2>Steps</h2>
      <ol className="steps">
        {STEPS.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}
