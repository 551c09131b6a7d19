import type { Metadata } from "next";
import { SyncStep } from "@/components/sync/SyncStep";

export const metadata: Metadata = { title: "Sync" };

export default async function SyncPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SyncStep projectId={id} />;
}
