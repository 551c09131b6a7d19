import type { Metadata } from "next";
import { BlueprintsStep } from "@/components/blueprints/BlueprintsStep";

export const metadata: Metadata = { title: "Blueprints" };

export default async function BlueprintsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BlueprintsStep projectId={id} />;
}
