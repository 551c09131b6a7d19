import type { Metadata } from "next";
import { ProjectOverview } from "@/components/project/ProjectOverview";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ProjectOverview projectId={id} />;
}
