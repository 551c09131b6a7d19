import type { Metadata } from "next";
import { ConnectView } from "@/components/connect/ConnectView";

export const metadata: Metadata = { title: "Connect" };

export default async function ConnectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConnectView projectId={id} />;
}
