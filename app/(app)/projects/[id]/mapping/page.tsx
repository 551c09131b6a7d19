import type { Metadata } from "next";
import { MappingStep } from "@/components/mapping/MappingStep";

export const metadata: Metadata = { title: "Mapping" };

export default async function MappingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MappingStep projectId={id} />;
}
