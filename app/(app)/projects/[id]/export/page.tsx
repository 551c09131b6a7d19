import type { Metadata } from "next";
import { ExportStep } from "@/components/export/ExportStep";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ExportStep projectId={id} />;
}
